using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;

namespace Ebops.Sandbox.Kube.Tables;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>): a Name column, then the CRD's
/// printer columns (or a built-in kind's), cells typed and dates humanized, rows carrying PartialObjectMetadata by
/// default. kubectl itself hides priority &gt; 0 columns unless <c>-o wide</c>.
/// </summary>
internal static class TablePrinter
{
    private const string NameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    private static readonly PrinterColumn Age = new("Age", "date", null, "CreationTimestamp is a timestamp representing the server time when this object was created.", 0, ".metadata.creationTimestamp");

    public static bool Wants(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, string includeObject, DateTimeOffset now, bool withColumns = true)
    {
        var columns = ColumnsOf(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            // Like kube's event printer, Events put Name last and only in -o wide.
            var nameLast = type.Kind == "Event" && !type.IsCustom;
            var cells = nameLast ? new JsonArray() : new JsonArray { obj["metadata"]?["name"]?.DeepClone() };
            foreach (var column in columns)
            {
                cells.Add(Cell(column, obj, now));
            }
            if (nameLast)
            {
                cells.Add(obj["metadata"]?["name"]?.DeepClone());
            }
            var row = new JsonObject { ["cells"] = cells };
            var rowObject = includeObject switch
            {
                "None" => null,
                "Object" => obj.DeepClone(),
                _ => new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            };
            if (rowObject is not null)
            {
                row["object"] = rowObject;
            }
            rows.Add(row);
        }
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject(),
        };
        if (withColumns)
        {
            var nameLast = type.Kind == "Event" && !type.IsCustom;
            var name = new PrinterColumn("Name", "string", "name", NameDescription, nameLast ? 1 : 0, ".metadata.name");
            var definitions = nameLast ? new JsonArray() : new JsonArray { Definition(name) };
            foreach (var column in columns)
            {
                definitions.Add(Definition(column));
            }
            if (nameLast)
            {
                definitions.Add(Definition(name));
            }
            table["columnDefinitions"] = definitions;
        }
        table["rows"] = rows;
        return table;
    }

    private static IReadOnlyList<PrinterColumn> ColumnsOf(ResourceType type)
    {
        if (type.IsCustom)
        {
            return type.PrinterColumns;
        }
        return type.Kind switch
        {
            "Namespace" => [new PrinterColumn("Status", "string", null, "The status of the namespace", 0, ".status.phase"), Age],
            "Secret" => [new PrinterColumn("Type", "string", null, "The type of the secret", 0, ".type"), new PrinterColumn("Data", "string", null, "The number of entries in the data", 0, "#count:.data"), Age],
            "ConfigMap" => [new PrinterColumn("Data", "string", null, "The number of entries in the data", 0, "#count:.data"), Age],
            "Lease" => [new PrinterColumn("Holder", "string", null, "The holder of the lease", 0, ".spec.holderIdentity"), Age],
            "Event" =>
            [
                new PrinterColumn("Last Seen", "string", null, "Time since the event was last seen", 0, "#last-seen"),
                new PrinterColumn("Type", "string", null, "Type of the event", 0, ".type"),
                new PrinterColumn("Reason", "string", null, "Why the event happened", 0, ".reason"),
                new PrinterColumn("Object", "string", null, "The object the event is about", 0, type.Group.Length == 0 ? "#object:involvedObject" : "#object:regarding"),
                new PrinterColumn("Message", "string", null, "A human-readable description", 0, type.Group.Length == 0 ? ".message" : ".note"),
            ],
            "CustomResourceDefinition" => [new PrinterColumn("Created At", "date", null, "The time the CRD was created", 0, ".metadata.creationTimestamp:raw")],
            _ => [Age],
        };
    }

    private static JsonObject Definition(PrinterColumn column)
    {
        var definition = new JsonObject
        {
            ["name"] = column.Name,
            ["type"] = column.Type,
            ["format"] = column.Format ?? "",
            ["description"] = column.Description,
            ["priority"] = column.Priority,
        };
        return definition;
    }

    private static JsonNode? Cell(PrinterColumn column, JsonObject obj, DateTimeOffset now)
    {
        if (column.JsonPath.StartsWith("#count:", StringComparison.Ordinal))
        {
            var map = JsonPathLite.Evaluate(obj, column.JsonPath["#count:".Length..]).FirstOrDefault() as JsonObject;
            return (map?.Count ?? 0).ToString(CultureInfo.InvariantCulture);
        }
        if (column.JsonPath == "#last-seen")
        {
            var seen = new[] { ".series.lastObservedTime", ".lastTimestamp", ".deprecatedLastTimestamp", ".eventTime", ".metadata.creationTimestamp" }
                .Select(p => JsonPathLite.Text(JsonPathLite.Evaluate(obj, p).FirstOrDefault()))
                .FirstOrDefault(t => t is { Length: > 0 });
            return seen is not null && DateTimeOffset.TryParse(seen, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var last)
                ? HumanDuration.Format(now - last) : null;
        }
        if (column.JsonPath.StartsWith("#object:", StringComparison.Ordinal))
        {
            var reference = obj[column.JsonPath["#object:".Length..]] as JsonObject;
            return reference is null ? null : $"{JsonPathLite.Text(reference["kind"])?.ToLowerInvariant()}/{JsonPathLite.Text(reference["name"])}";
        }
        var raw = column.JsonPath.EndsWith(":raw", StringComparison.Ordinal);
        var path = raw ? column.JsonPath[..^4] : column.JsonPath;
        // Like the real CRD table convertor, only the first match is printed.
        var results = JsonPathLite.Evaluate(obj, path);
        var value = results.Count == 0 ? null : results[0];
        if (value is null)
        {
            return null;
        }
        var kind = value.GetValueKind();
        switch (column.Type)
        {
            case "date":
                if (kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    return raw ? value.DeepClone() : HumanDuration.Format(now - at);
                }
                return null;
            case "integer":
                return kind == JsonValueKind.Number ? value.DeepClone() : null;
            case "number":
                return kind == JsonValueKind.Number ? value.DeepClone() : null;
            case "boolean":
                return kind is JsonValueKind.True or JsonValueKind.False ? value.DeepClone() : null;
            default:
                return JsonPathLite.Text(value);
        }
    }
}
