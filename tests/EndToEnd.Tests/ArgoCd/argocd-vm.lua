-- Runs an Argo CD resource customization script the way Argo CD does (util/lua/lua.go): Lua 5.1, the object as the
-- global `obj`, only the base and table libraries plus a safe os (time, date, clock), and the script's return value
-- taken as the result. Argo CD's gopher-lua has no string library here, so strings have no methods either.
-- Usage: lua5.1 argocd-vm.lua SCRIPT.lua OBJECT.lua   (OBJECT.lua returns the object as a table)
-- Prints the result as JSON on stdout (an empty table as [], as Argo CD's encoder does); a script error exits 2.
local format, gsub, byte, sort, concat = string.format, string.gsub, string.byte, table.sort, table.concat

local encode
local function encodeString(s)
  local escaped = gsub(s, '[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
    return named[c] or format('\\u%04x', byte(c))
  end)
  return '"' .. escaped .. '"'
end

local function encodeTable(t)
  local count, keys = 0, {}
  for k in pairs(t) do
    count = count + 1
    keys[#keys + 1] = k
  end
  if count == #t then
    local items = {}
    for i = 1, #t do
      items[i] = encode(t[i])
    end
    return '[' .. concat(items, ',') .. ']'
  end
  for _, k in ipairs(keys) do
    if type(k) ~= 'string' then
      error('cannot encode a table with a ' .. type(k) .. ' key')
    end
  end
  sort(keys)
  local items = {}
  for i, k in ipairs(keys) do
    items[i] = encodeString(k) .. ':' .. encode(t[k])
  end
  return '{' .. concat(items, ',') .. '}'
end

encode = function(v)
  local kind = type(v)
  if kind == 'nil' then
    return 'null'
  elseif kind == 'boolean' then
    return tostring(v)
  elseif kind == 'number' then
    return format('%.17g', v)
  elseif kind == 'string' then
    return encodeString(v)
  elseif kind == 'table' then
    return encodeTable(v)
  end
  error('cannot encode a ' .. kind)
end

local scriptPath, objectPath = arg[1], arg[2]
local object = assert(loadfile(objectPath))()

local env = { _VERSION = _VERSION, obj = object, table = table, os = { time = os.time, date = os.date, clock = os.clock } }
for _, name in ipairs({ 'assert', 'error', 'ipairs', 'next', 'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawset',
  'select', 'setmetatable', 'getmetatable', 'tonumber', 'tostring', 'type', 'unpack', 'xpcall' }) do
  env[name] = _G[name]
end
env._G = env

local chunk = assert(loadfile(scriptPath))
setfenv(chunk, env)
local stringMeta = getmetatable('')
local stringMethods = stringMeta.__index
stringMeta.__index = nil
local ok, result = pcall(chunk)
stringMeta.__index = stringMethods
if not ok then
  io.stderr:write(tostring(result), '\n')
  os.exit(2)
end
io.write(encode(result), '\n')
