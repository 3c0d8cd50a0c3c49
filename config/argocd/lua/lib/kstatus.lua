-- From lib/kstatus.lua, shared by the four health checks: defines hs, generation, status, condition() and describe();
-- returns Progressing until ebops has observed the current generation, and Degraded while Stalled=True (a terminal
-- error that waits for a spec change).
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
