-- Argo CD health of an RdsDatabase, BeanstalkApp or NlbFrontend, from its kstatus conditions.
-- Argo CD runs this with gopher-lua (Lua 5.1) and only the base and table libraries: no string library here.
-- Progressing until ebops has observed the current generation; Degraded while Stalled=True (a terminal error that
-- waits for a spec change); Healthy when Ready=True; Progressing otherwise, with ebops' message.
local hs = {}

-- The condition of this type, unless it was computed for an older generation.
local function condition(status, conditionType, generation)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == conditionType and (c.observedGeneration == nil or c.observedGeneration == generation) then
      return c
    end
  end
  return nil
end

local function describe(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  if c ~= nil and c.reason ~= nil then
    return c.reason
  end
  return fallback
end

local generation = obj.metadata.generation
local status = obj.status
if status == nil or status.observedGeneration == nil or status.observedGeneration ~= generation then
  hs.status = "Progressing"
  hs.message = "Waiting for ebops to observe generation " .. tostring(generation)
  return hs
end

local stalled = condition(status, "Stalled", generation)
if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(stalled, "Stalled")
  return hs
end

local ready = condition(status, "Ready", generation)
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready, "Ready")
  return hs
end

hs.status = "Progressing"
hs.message = describe(ready, describe(condition(status, "Reconciling", generation), "Reconciling"))
return hs
