-- Base64 for etcd's JSON gateway (keys and values are base64 there).
-- Plain arithmetic: runs on wrk's LuaJIT and on Lua 5.1.
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

function base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local q = {math.floor(n / 262144) % 64, math.floor(n / 4096) % 64, math.floor(n / 64) % 64, n % 64}
    out[#out + 1] = chars:sub(q[1] + 1, q[1] + 1) .. chars:sub(q[2] + 1, q[2] + 1)
      .. (b and chars:sub(q[3] + 1, q[3] + 1) or "=") .. (c and chars:sub(q[4] + 1, q[4] + 1) or "=")
  end
  return table.concat(out)
end

-- Encoded keys, built once per thread: encoding is not what is measured.
function encoded_keys(n)
  local t = {}
  for i = 0, n - 1 do
    t[i] = base64("bench/" .. i)
  end
  return t
end
