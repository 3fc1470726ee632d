package io.loopguard.corpus.missed;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.InputStream;
import java.net.Socket;

/**
 * Blocking the scan cannot see, kept in the corpus so its recall is measured honestly: a call by reflection, a task
 * kept in a field and run later, and a read of a socket's stream typed as a plain InputStream.
 */
public final class ReflectiveHandler extends ChannelInboundHandlerAdapter {
    private final Runnable later = ReflectiveHandler::pause;
    private final Socket socket;

    public ReflectiveHandler(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        ReflectiveHandler.class.getDeclaredMethod("slowLookup").invoke(null);
        later.run();
        InputStream in = socket.getInputStream();
        ctx.write(in.read());
    }

    static void slowLookup() throws Exception {
        Thread.sleep(100);
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
