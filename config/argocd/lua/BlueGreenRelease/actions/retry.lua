-- Sends the retry signal: ebops applies it once, then removes both annotations, so nothing drifts from Git.
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
obj.metadata.annotations["ebops.io/signal"] = "retry"
obj.metadata.annotations["ebops.io/signal-by"] = "argocd"
return obj
