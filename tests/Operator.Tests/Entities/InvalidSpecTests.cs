using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Operator.Tests.Entities;

/// <summary>
/// Each case breaks exactly one rule of a valid sample and must be rejected with an error on the offending field
/// (and only on it). Cases with an old object are updates, for the immutability (transition) rules.
/// </summary>
public sealed class InvalidSpecTests
{
    private sealed record Case(string Kind, Action<JsonObject> Break, string Field, string? Reason = null, Action<JsonObject>? ChangeOnUpdate = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // RdsDatabase
        ["rds identifier upper case"] = new("RdsDatabase", o => Set(o, "spec.identifier", "MyDb"), "spec.identifier", FieldErrorReasons.Invalid),
        ["rds identifier double hyphen"] = new("RdsDatabase", o => Set(o, "spec.identifier", "my--db"), "spec.identifier", FieldErrorReasons.Invalid),
        ["rds identifier trailing hyphen"] = new("RdsDatabase", o => Set(o, "spec.identifier", "mydb-"), "spec.identifier", FieldErrorReasons.Invalid),
        ["rds identifier starts with digit"] = new("RdsDatabase", o => Set(o, "spec.identifier", "1db"), "spec.identifier", FieldErrorReasons.Invalid),
        ["rds identifier 64 chars"] = new("RdsDatabase", o => Set(o, "spec.identifier", "a" + new string('b', 63)), "spec.identifier", FieldErrorReasons.TooLong),
        ["rds identifier missing"] = new("RdsDatabase", o => Remove(o, "spec.identifier"), "spec.identifier", FieldErrorReasons.Required),
        ["rds engine postgres"] = new("RdsDatabase", o => Set(o, "spec.engine", "postgres"), "spec.engine", FieldErrorReasons.NotSupported),
        ["rds storage below 20 GiB"] = new("RdsDatabase", o => Set(o, "spec.allocatedStorage", 10), "spec.allocatedStorage", FieldErrorReasons.Invalid),
        ["rds ingress port 0"] = new("RdsDatabase", o => Set(o, "spec.network.securityGroup.ingress[0].port", 0), "spec.network.securityGroup.ingress[0].port"),
        ["rds ingress bad cidr"] = new("RdsDatabase", o => Set(o, "spec.network.securityGroup.ingress[1].fromCidr", "203.0.113.0/33"), "spec.network.securityGroup.ingress[1].fromCidr"),
        ["rds ingress two sources"] = new("RdsDatabase", o => Set(o, "spec.network.securityGroup.ingress[0].fromCidr", "10.0.0.0/8"), "spec.network.securityGroup.ingress[0].fromCidr"),
        ["rds ingress no source"] = new("RdsDatabase", o => Remove(o, "spec.network.securityGroup.ingress[1].fromCidr"), "spec.network.securityGroup.ingress[1].fromCidr"),
        ["rds subnet group and subnets"] = new("RdsDatabase", o => Set(o, "spec.network.subnetGroupName", "default"), "spec.network.subnetGroupName"),
        ["rds one subnet"] = new("RdsDatabase", o => Remove(o, "spec.network.subnets[1]"), "spec.network.subnets"),
        ["rds reboot policy unknown"] = new("RdsDatabase", o => Set(o, "spec.parameters.rebootPolicy", "Sometimes"), "spec.parameters.rebootPolicy", FieldErrorReasons.NotSupported),
        ["rds master user with underscore"] = new("RdsDatabase", o => Set(o, "spec.masterUsername", "db_admin"), "spec.masterUsername", FieldErrorReasons.Invalid),
        ["rds master password missing"] = new("RdsDatabase", o => Remove(o, "spec.masterPassword"), "spec.masterPassword", FieldErrorReasons.Required),
        ["rds identifier changed"] = new("RdsDatabase", o => { }, "spec.identifier", FieldErrorReasons.Invalid, o => Set(o, "spec.identifier", "other-db")),
        ["rds storage shrunk"] = new("RdsDatabase", o => Set(o, "spec.allocatedStorage", 50), "spec.allocatedStorage", FieldErrorReasons.Invalid, o => Set(o, "spec.allocatedStorage", 40)),
        ["rds db name changed"] = new("RdsDatabase", o => { }, "spec.dbName", FieldErrorReasons.Invalid, o => Set(o, "spec.dbName", "other")),
        ["rds master user changed"] = new("RdsDatabase", o => { }, "spec.masterUsername", FieldErrorReasons.Invalid, o => Set(o, "spec.masterUsername", "root")),

        // BeanstalkApp
        ["app capacity min above max"] = new("BeanstalkApp", o => Set(o, "spec.capacity.min", 5), "spec.capacity.min", FieldErrorReasons.Invalid),
        ["app capacity max 101"] = new("BeanstalkApp", o => Set(o, "spec.capacity.max", 101), "spec.capacity.max", FieldErrorReasons.Invalid),
        ["app stack and arn"] = new("BeanstalkApp", o => Set(o, "spec.platform.platformArn", "arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0"), "spec.platform.solutionStackName"),
        ["app no platform"] = new("BeanstalkApp", o => Remove(o, "spec.platform.solutionStackName"), "spec.platform.solutionStackName"),
        ["app name leading hyphen"] = new("BeanstalkApp", o => Set(o, "spec.applicationName", "-myapp"), "spec.applicationName", FieldErrorReasons.Invalid),
        ["app name too long for env names"] = new("BeanstalkApp", o => Set(o, "spec.applicationName", new string('a', 35)), "spec.applicationName", FieldErrorReasons.TooLong),
        ["app name changed"] = new("BeanstalkApp", o => { }, "spec.applicationName", FieldErrorReasons.Invalid, o => Set(o, "spec.applicationName", "otherapp")),
        ["app listener port 70000"] = new("BeanstalkApp", o => Set(o, "spec.loadBalancer.listenerPort", 70000), "spec.loadBalancer.listenerPort", FieldErrorReasons.Invalid),
        ["app classic load balancer"] = new("BeanstalkApp", o => Set(o, "spec.loadBalancer.type", "classic"), "spec.loadBalancer.type", FieldErrorReasons.NotSupported),
        ["app health check path relative"] = new("BeanstalkApp", o => Set(o, "spec.loadBalancer.healthCheckPath", "health"), "spec.loadBalancer.healthCheckPath"),
        ["app envFrom without ref"] = new("BeanstalkApp", o => Set(o, "spec.envFrom[0]", new JsonObject()), "spec.envFrom[0].rdsDatabaseRef", FieldErrorReasons.Required),
        ["app bad instance subnet"] = new("BeanstalkApp", o => Set(o, "spec.network.instanceSubnets[0]", "subnet-XYZ"), "spec.network.instanceSubnets[0]", FieldErrorReasons.Invalid),
        ["app no instance subnets"] = new("BeanstalkApp", o => Remove(o, "spec.network.instanceSubnets"), "spec.network.instanceSubnets", FieldErrorReasons.Required),
        ["app duplicate instance subnet"] = new("BeanstalkApp", o => Set(o, "spec.network.instanceSubnets[1]", "subnet-0aaa1111bbbb22220"), "spec.network.instanceSubnets[1]", FieldErrorReasons.Duplicate),
        ["app bad vpc id"] = new("BeanstalkApp", o => Set(o, "spec.network.vpcId", "vpc-1"), "spec.network.vpcId", FieldErrorReasons.Invalid),
        ["app vpc changed"] = new("BeanstalkApp", o => { }, "spec.network.vpcId", FieldErrorReasons.Invalid, o => Set(o, "spec.network.vpcId", "vpc-0123456789abcdef0")),
        ["app ingress bad cidr"] = new("BeanstalkApp", o => Set(o, "spec.securityGroup.ingress[0].fromCidr", "203.0.113.0/33"), "spec.securityGroup.ingress[0].fromCidr", FieldErrorReasons.Invalid),
        ["app ingress port 0"] = new("BeanstalkApp", o => Set(o, "spec.securityGroup.ingress[0].port", 0), "spec.securityGroup.ingress[0].port", FieldErrorReasons.Invalid),
        ["app ingress without cidr"] = new("BeanstalkApp", o => Remove(o, "spec.securityGroup.ingress[0].fromCidr"), "spec.securityGroup.ingress[0].fromCidr", FieldErrorReasons.Required),
        ["app capacity as string"] = new("BeanstalkApp", o => Set(o, "spec.capacity.min", "2"), "spec.capacity.min", FieldErrorReasons.TypeInvalid),

        // NlbFrontend
        ["nlb allocation id and allocate"] = new("NlbFrontend", o => Set(o, "spec.subnets[0].allocationId", "eipalloc-0123456789abcdef0"), "spec.subnets[0].allocationId"),
        ["nlb neither allocation id nor allocate"] = new("NlbFrontend", o => Remove(o, "spec.subnets[1].allocate"), "spec.subnets[1].allocationId"),
        ["nlb allocate false alone"] = new("NlbFrontend", o => Set(o, "spec.subnets[0].allocate", false), "spec.subnets[0].allocationId"),
        ["nlb duplicate subnet"] = new("NlbFrontend", o => Set(o, "spec.subnets[1].subnetId", "subnet-0aaa1111bbbb22220"), "spec.subnets[1]", FieldErrorReasons.Duplicate),
        ["nlb bad subnet id"] = new("NlbFrontend", o => Set(o, "spec.subnets[0].subnetId", "subnet-XYZ"), "spec.subnets[0].subnetId", FieldErrorReasons.Invalid),
        ["nlb bad allocation id"] = new("NlbFrontend", o => { Remove(o, "spec.subnets[0].allocate"); Set(o, "spec.subnets[0].allocationId", "eip-1"); }, "spec.subnets[0].allocationId", FieldErrorReasons.Invalid),
        ["nlb no subnets"] = new("NlbFrontend", o => Set(o, "spec.subnets", new JsonArray()), "spec.subnets"),
        ["nlb udp listener"] = new("NlbFrontend", o => Set(o, "spec.listener.protocol", "UDP"), "spec.listener.protocol", FieldErrorReasons.NotSupported),
        ["nlb health check interval 1"] = new("NlbFrontend", o => Set(o, "spec.healthCheck.intervalSeconds", 1), "spec.healthCheck.intervalSeconds", FieldErrorReasons.Invalid),
        ["nlb matcher garbage"] = new("NlbFrontend", o => Set(o, "spec.healthCheck.matcher", "ok"), "spec.healthCheck.matcher", FieldErrorReasons.Invalid),
        ["nlb backend missing"] = new("NlbFrontend", o => Remove(o, "spec.backendRef"), "spec.backendRef", FieldErrorReasons.Required),
        ["nlb subnets changed"] = new("NlbFrontend", o => { }, "spec.subnets", FieldErrorReasons.Invalid, o => Remove(o, "spec.subnets[1]")),

        // BlueGreenRelease
        ["bgr label 101 chars"] = new("BlueGreenRelease", o => Set(o, "spec.version.label", new string('1', 101)), "spec.version.label", FieldErrorReasons.TooLong),
        ["bgr label with slash"] = new("BlueGreenRelease", o => Set(o, "spec.version.label", "1.0/1"), "spec.version.label", FieldErrorReasons.Invalid),
        ["bgr bad bucket"] = new("BlueGreenRelease", o => Set(o, "spec.version.sourceBundle.s3Bucket", "Bad_Bucket"), "spec.version.sourceBundle.s3Bucket", FieldErrorReasons.Invalid),
        ["bgr key missing"] = new("BlueGreenRelease", o => Remove(o, "spec.version.sourceBundle.s3Key"), "spec.version.sourceBundle.s3Key", FieldErrorReasons.Required),
        ["bgr check with two kinds"] = new("BlueGreenRelease", o => Set(o, "spec.healthGate.checks[0].targetHealth", new JsonObject()), "spec.healthGate.checks[0]"),
        ["bgr check with no kind"] = new("BlueGreenRelease", o => Remove(o, "spec.healthGate.checks[2].http"), "spec.healthGate.checks[2]"),
        ["bgr duplicate check names"] = new("BlueGreenRelease", o => Set(o, "spec.healthGate.checks[1].name", "eb-health"), "spec.healthGate.checks[1]", FieldErrorReasons.Duplicate),
        ["bgr bad expect status"] = new("BlueGreenRelease", o => Set(o, "spec.healthGate.checks[2].http.expectStatus", "2xx"), "spec.healthGate.checks[2].http.expectStatus", FieldErrorReasons.Invalid),
        ["bgr eb min status unknown"] = new("BlueGreenRelease", o => Set(o, "spec.healthGate.checks[0].ebHealth.minStatus", "Severe"), "spec.healthGate.checks[0].ebHealth.minStatus", FieldErrorReasons.NotSupported),
        ["bgr retention min above max"] = new("BlueGreenRelease", o => Set(o, "spec.strategy.blueRetention.minSeconds", 7200), "spec.strategy.blueRetention.minSeconds", FieldErrorReasons.Invalid),
        ["bgr nlb switch without frontend"] = new("BlueGreenRelease", o => Remove(o, "spec.frontendRef"), "spec.frontendRef", FieldErrorReasons.Invalid),
        ["bgr weighted without steps"] = new("BlueGreenRelease", o => Set(o, "spec.strategy.cutover", "NlbWeighted"), "spec.strategy", FieldErrorReasons.Invalid),
        ["bgr weighted steps not ending at 100"] = new("BlueGreenRelease", o => { Set(o, "spec.strategy.cutover", "NlbWeighted"); Set(o, "spec.strategy.steps", Steps(5, 50)); }, "spec.strategy.steps", FieldErrorReasons.Invalid),
        ["bgr weighted steps decreasing"] = new("BlueGreenRelease", o => { Set(o, "spec.strategy.cutover", "NlbWeighted"); Set(o, "spec.strategy.steps", Steps(50, 25, 100)); }, "spec.strategy.steps", FieldErrorReasons.Invalid),
        ["bgr weighted step of 0"] = new("BlueGreenRelease", o => { Set(o, "spec.strategy.cutover", "NlbWeighted"); Set(o, "spec.strategy.steps", Steps(0, 100)); }, "spec.strategy.steps[0].weight", FieldErrorReasons.Invalid),
        ["bgr unknown cutover"] = new("BlueGreenRelease", o => Set(o, "spec.strategy.cutover", "Canary"), "spec.strategy.cutover", FieldErrorReasons.NotSupported),
        ["bgr negative auto promotion"] = new("BlueGreenRelease", o => Set(o, "spec.strategy.autoPromotionSeconds", -1), "spec.strategy.autoPromotionSeconds", FieldErrorReasons.Invalid),
        ["bgr interval as duration string"] = new("BlueGreenRelease", o => Set(o, "spec.healthGate.intervalSeconds", "15s"), "spec.healthGate.intervalSeconds", FieldErrorReasons.TypeInvalid),
        ["bgr app changed"] = new("BlueGreenRelease", o => { }, "spec.appRef", FieldErrorReasons.Invalid, o => Set(o, "spec.appRef.name", "otherapp")),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    private static JsonArray Steps(params int[] weights) => [.. weights.Select(w => (JsonNode)new JsonObject { ["weight"] = w, ["pauseSeconds"] = 60 })];

    [Fact]
    public void TheTableCoversEveryKindAndEveryCelRule()
    {
        Assert.True(Cases.Count >= 25);
        Assert.Equal(4, Cases.Values.Select(c => c.Kind).Distinct().Count());

        var messages = Cases.Keys.SelectMany(name => Run(name)).Select(e => e.Message).ToList();
        var ruleMessages = new List<string>();
        foreach (var kind in Ebops.Operator.Entities.EbopsKinds.All)
        {
            Collect(Ebops.Operator.Crds.CrdGenerator.BuildCrd(kind)["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject(), ruleMessages);
        }

        Assert.True(ruleMessages.Count >= 12, $"only {ruleMessages.Count} rules found");
        Assert.All(ruleMessages, m => Assert.Contains(messages, e => e.EndsWith(": " + m, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsRejectedOnTheOffendingField(string name)
    {
        var c = Cases[name];
        var errors = Run(name);
        Assert.True(errors.Count > 0, $"{name}: not rejected");
        Assert.All(errors, e => Assert.Equal(c.Field, e.Field));
        Assert.All(errors, e => Assert.StartsWith(c.Field + ": ", e.Message));
        if (c.Reason is not null)
        {
            Assert.Contains(errors, e => e.Reason == c.Reason);
        }

        // CEL messages name the field in their own words too.
        Assert.All(errors.Where(e => e.Message.Contains("Invalid value: \"object\"", StringComparison.Ordinal)), e =>
            Assert.Contains(c.Field.Split('[')[0].Split('.').Take(2).Aggregate((a, b) => a + "." + b), e.Message[(c.Field.Length + 2)..]));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void StructuralViolationsAreAlsoRejectedByJsonSchemaNet(string name)
    {
        var c = Cases[name];
        var errors = Run(name);
        var structural = c.ChangeOnUpdate is null && errors.All(e =>
            e.Reason is FieldErrorReasons.Required or FieldErrorReasons.TooLong or FieldErrorReasons.NotSupported or FieldErrorReasons.TooMany or FieldErrorReasons.TypeInvalid
            || e.Body.Contains(" in body ", StringComparison.Ordinal));
        if (!structural)
        {
            return; // CEL rules, transition rules and list-map keys have no JSON Schema equivalent
        }

        var kind = Samples.Kind(c.Kind);
        var obj = Samples.Load(kind);
        c.Break(obj);
        var jsonSchemaErrors = Samples.Validator(kind).EvaluateJsonSchema(obj);
        var pointer = "/" + c.Field.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
        var parent = pointer[..pointer.LastIndexOf('/')];
        Assert.Contains(jsonSchemaErrors, e => e.StartsWith(pointer + ": ", StringComparison.Ordinal) || (c.Reason == FieldErrorReasons.Required && e.StartsWith(parent + ": required", StringComparison.Ordinal)));
    }

    private static void Collect(JsonObject schema, List<string> messages)
    {
        foreach (var rule in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            messages.Add((string)rule!["message"]!);
        }

        foreach (var child in new[] { schema["items"], schema["additionalProperties"] }.OfType<JsonObject>()
                     .Concat((schema["properties"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>() ?? []))
        {
            Collect(child, messages);
        }
    }

    private static List<FieldError> Run(string name)
    {
        var c = Cases[name];
        var kind = Samples.Kind(c.Kind);
        var validator = Samples.Validator(kind);
        var obj = Samples.Load(kind);
        c.Break(obj);
        validator.ApplyDefaults(obj);

        JsonObject? old = null;
        if (c.ChangeOnUpdate is not null)
        {
            old = obj.DeepClone().AsObject();
            Assert.Empty(validator.Validate(old, null)); // the old object itself is valid
            c.ChangeOnUpdate(obj);
            Assert.Empty(validator.Validate(obj, null)); // and so is the new one on create: only the change is wrong
        }

        return validator.Validate(obj, old).Where(e => e.Field.Length > 0 && e.Field != FieldPath.Nil).ToList();
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Navigate(root, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
        }
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Navigate(root, path);
        switch (parent)
        {
            case JsonObject obj:
                Assert.True(obj.Remove(last), path);
                break;
            case JsonArray array:
                array.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    // "spec.a[1].b" → the node holding the last step, and that step ("b", or "1" for an index).
    private static (JsonNode Parent, string Last) Navigate(JsonObject root, string path)
    {
        var steps = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        JsonNode node = root;
        foreach (var step in steps[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }

        return (node, steps[^1]);
    }
}
