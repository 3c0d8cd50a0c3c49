namespace Ebops.EndToEnd.Tests.Examples;

/// <summary>One <c>run:</c> step of a GitHub Actions job: its name, script, working directory and step env.</summary>
internal sealed record ActionsStep(string Name, string? Run, string? Uses, string? WorkingDirectory, IReadOnlyDictionary<string, string> Env);
