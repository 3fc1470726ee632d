// The same finding, listed in the baseline: reported as known, and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('known: java.lang.Thread.sleep')
assert log.contains('(0 new, 1 in the baseline)')
