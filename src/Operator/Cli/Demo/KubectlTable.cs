using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// <c>kubectl get ebops</c> as kubectl prints it: the API server's own Table for each kind (its printer columns, ages
/// humanized by the server), the columns of priority 0, names prefixed with <c>kind.group/</c> because several kinds
/// are listed, one block per kind, columns padded to their widest cell plus three spaces.
/// </summary>
internal static class KubectlTable
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

    /// <summary>Asks <paramref name="api"/> for the Table of each kind in <paramref name="namespace"/> and formats them.</summary>
    public static async Task<string> GetAsync(HttpClient http, Uri api, string @namespace, IEnumerable<EntityKind> kinds, CancellationToken cancellationToken)
    {
        var tables = new List<(string Prefix, JsonObject Table)>();
        foreach (var kind in kinds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"/apis/{EbopsApi.Group}/{EbopsApi.Version}/namespaces/{@namespace}/{kind.Plural}"));
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(TableAccept));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var table = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!.AsObject();
            tables.Add(($"{kind.Kind.ToLowerInvariant()}.{EbopsApi.Group}/", table));
        }

        return Format(tables);
    }

    /// <summary>The tables as text; a kind without objects prints nothing, like kubectl.</summary>
    public static string Format(IReadOnlyList<(string Prefix, JsonObject Table)> tables)
    {
        var blocks = new List<string>();
        foreach (var (prefix, table) in tables)
        {
            var definitions = (table["columnDefinitions"] as JsonArray ?? []).Select((c, i) => (Index: i, Name: (string)c!["name"]!, Priority: (int?)c["priority"] ?? 0))
                .Where(c => c.Priority == 0).ToList();
            var rows = (table["rows"] as JsonArray ?? []).Select(r => r!["cells"] as JsonArray ?? []).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            List<string[]> lines = [[.. definitions.Select(d => d.Name.ToUpperInvariant())]];
            lines.AddRange(rows.Select(cells => definitions.Select((d, i) => (i == 0 && d.Name == "Name" ? prefix : "") + Text(cells.ElementAtOrDefault(d.Index))).ToArray()));
            blocks.Add(Align(lines));
        }

        return string.Join("\n", blocks);
    }

    private static string Text(JsonNode? cell) => cell switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => cell.ToJsonString(),
    };

    private static string Align(List<string[]> lines)
    {
        var widths = Enumerable.Range(0, lines[0].Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("   ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }
}
