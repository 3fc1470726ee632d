package io.loopguard.scenarios;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * An application that listens on the port it is given, as a server does at start-up, and says whether it
 * could: {@code RESULT listening on <port>} or {@code RESULT cannot listen on <port>: <exception>}.
 *
 * <p>Usage: {@code ListensOnPort <port>}.
 */
public final class ListensOnPort {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("RESULT listening on " + port);
        } catch (IOException e) {
            System.out.println("RESULT cannot listen on " + port + ": " + e.getClass().getSimpleName());
        }
    }
}
