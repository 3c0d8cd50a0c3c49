using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>What a write answers: the HTTP status, the body and any <c>Warning</c> headers.</summary>
internal sealed record WriteOutcome(int StatusCode, JsonObject Body, IReadOnlyList<string> Warnings);
