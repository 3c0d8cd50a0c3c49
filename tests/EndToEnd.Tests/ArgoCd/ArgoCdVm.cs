using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>
/// Runs the Argo CD Lua scripts of config/argocd/lua with the real Lua 5.1 interpreter (Debian's lua5.1; Argo CD's
/// gopher-lua is Lua 5.1) through argocd-vm.lua, which sets up Argo CD's sandbox. The object goes in as a Lua table
/// literal, the result comes back as JSON.
/// </summary>
internal static class ArgoCdVm
{
    /// <summary>Set by .ci/run: a missing interpreter fails the tests instead of skipping them.</summary>
    public const string RequireToolsVariable = "EBOPS_REQUIRE_TOOLS";

    private static readonly string? Interpreter = Find("lua5.1");

    /// <summary>Skips the test (or fails it under <see cref="RequireToolsVariable"/>) when lua5.1 is not on PATH.</summary>
    public static void RequireInterpreter()
    {
        if (Interpreter is not null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RequireToolsVariable) == "1")
        {
            Assert.Fail("lua5.1 is not on PATH (Debian: apt-get install lua5.1)");
        }

        Assert.Skip("lua5.1 is not on PATH (Debian: apt-get install lua5.1)");
    }

    /// <summary>Runs the Lua <paramref name="script"/> (its text) with <paramref name="obj"/> as <c>obj</c>; returns what it returned.</summary>
    public static async Task<JsonNode?> RunAsync(string script, JsonNode obj)
    {
        RequireInterpreter();
        var scriptFile = Path.Combine(Path.GetTempPath(), $"ebops-argocd-{Guid.NewGuid():N}-script.lua");
        var objectFile = Path.Combine(Path.GetTempPath(), $"ebops-argocd-{Guid.NewGuid():N}-obj.lua");
        await File.WriteAllTextAsync(scriptFile, script, new UTF8Encoding(false), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(objectFile, "return " + Literal(obj) + "\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(Interpreter!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "ArgoCd", "argocd-vm.lua"));
            start.ArgumentList.Add(scriptFile);
            start.ArgumentList.Add(objectFile);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"the script failed: {await stderr}");
            return JsonNode.Parse(await stdout);
        }
        finally
        {
            File.Delete(scriptFile);
            File.Delete(objectFile);
        }
    }

    /// <summary>A JSON value as a Lua table constructor (JSON null as nil, as Argo CD decodes it).</summary>
    public static string Literal(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "nil";
            case JsonObject obj:
                return "{" + string.Join(", ", obj.Select(p => $"[{Quote(p.Key)}] = {Literal(p.Value)}")) + "}";
            case JsonArray array:
                return "{" + string.Join(", ", array.Select(Literal)) + "}";
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => Quote(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => "nil",
        };
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            // Every byte that is not plain printable ASCII as a three-digit decimal escape (a following digit cannot
            // extend it), which Lua 5.1 reads back byte for byte.
            if (b is >= 0x20 and < 0x7f && b != '"' && b != '\\')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    private static string? Find(string binary) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, binary))
            .FirstOrDefault(File.Exists);
}
