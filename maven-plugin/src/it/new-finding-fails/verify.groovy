// The build failed because of the finding, not for another reason.
def log = new File(basedir, 'build.log').text
assert log.contains('blocking call on an event loop: java.lang.Thread.sleep')
assert log.contains('at demo.Loop.turn(Loop.java:10)')
assert log.contains('loopguard scan found blocking calls reachable from an event loop that are not in the baseline')
def sarif = new File(basedir, 'target/loopguard-scan.sarif').text
assert sarif.contains('"uri": "src/main/java/demo/Loop.java"')
assert sarif.contains('"baselineState": "new"')
