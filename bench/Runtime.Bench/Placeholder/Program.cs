Console.Error.WriteLine("Runtime.Bench needs the Kubernetes API emulator (src/Sandbox/Kube), which is not in this build.");
return 1;
