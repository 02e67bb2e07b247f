"""Local stand-ins for the platforms, for tests and benchmarks: real HTTP servers on 127.0.0.1
that speak the platforms' request and response formats and record every call. The outside
world is the only thing somevakt's tests fake."""
