namespace Ebops.Sandbox;

/// <summary>Marker for the sandbox assembly (Kubernetes API emulator and AWS simulator).</summary>
public static class SandboxInfo
{
    public const string Name = "ebops-sandbox";
}
