-- wrk: GET of a small static file from nginx: the loopback HTTP ceiling.
function request()
  return wrk.format("GET", "/value")
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
