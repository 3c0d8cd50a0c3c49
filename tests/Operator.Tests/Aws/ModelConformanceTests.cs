using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Ebops.Operator.Tests.Aws.Support;

namespace Ebops.Operator.Tests.Aws;

/// <summary>
/// Every operation of <see cref="Support.OperationTable"/>, sent through the real pipeline with every member set, is checked against the
/// official model on the wire; and every operation's full model output, served over HTTP, lands in the right
/// properties.
/// </summary>
public sealed class ModelConformanceTests
{
    public static IEnumerable<TheoryDataRow<string, string>> Operations() => OperationTable.All();

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_with_every_member_set_matches_the_model(string service, string operation)
    {
        var (modelFile, _) = OperationTable.Services[service];
        var validator = new QueryModelValidator(AwsModels.Load(modelFile));
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml($"<{operation}Response><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{operation}Response>"));
        var facade = new TestAws(server.Url).Facade(service);

        var method = OperationTable.FacadeInterface(service).GetMethod(operation + "Async")!;
        var request = SampleRequests.Build(method.GetParameters()[0].ParameterType);
        await (Task)method.Invoke(facade, [request, TestContext.Current.CancellationToken])!;

        var form = Assert.Single(server.Requests).Form;
        Assert.Equal(operation, form.First(kv => kv.Key == "Action").Value);
        Assert.Empty(validator.Validate(form));

        // Every member of the input shape made it onto the wire (the sample sets them all).
        var input = validator.Resolve(validator.Operation(operation)!["input"]!.AsObject());
        var missing = input["members"]!.AsObject()
            .Select(m => (string?)m.Value!["locationName"] ?? m.Key)
            .Where(wire => !form.Any(kv => kv.Key == wire || kv.Key.StartsWith(wire + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_with_every_member_set_is_parsed(string service, string operation)
    {
        var (modelFile, _) = OperationTable.Services[service];
        var model = AwsModels.Load(modelFile);
        var validator = new QueryModelValidator(model);
        var xml = new SampleResponses(validator, (string)model["metadata"]!["xmlNamespace"]!).Build(operation);
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(xml));
        var facade = new TestAws(server.Url).Facade(service);

        var method = OperationTable.FacadeInterface(service).GetMethod(operation + "Async")!;
        var request = SampleRequests.Build(method.GetParameters()[0].ParameterType);
        var task = (Task)method.Invoke(facade, [request, TestContext.Current.CancellationToken])!;
        await task;

        var op = validator.Operation(operation)!;
        if (op["output"] is not JsonObject output)
        {
            Assert.Equal(typeof(Task), method.ReturnType);
            return;
        }

        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var problems = new List<string>();
        CheckFilled(validator, validator.Resolve(output), result, operation, 0, problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Facades_cover_every_operation_of_the_issue()
    {
        var missing = OperationTable.Services
            .SelectMany(s => s.Value.Operations.Where(op => OperationTable.FacadeInterface(s.Key).GetMethod(op + "Async") is null).Select(op => $"{s.Key}:{op}"))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Validator_rejects_wrong_list_encoding_types_and_missing_required_members()
    {
        var rds = new QueryModelValidator(AwsModels.Load("rds-2014-10-31"));
        List<KeyValuePair<string, string>> Form(params (string, string)[] kv) =>
            [new("Action", "CreateDBInstance"), new("Version", "2014-10-31"), .. kv.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))];

        var good = Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "db.t3.micro"), ("Engine", "mysql"),
            ("VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"), ("Tags.Tag.1.Key", "k"), ("Tags.Tag.1.Value", "v"),
            ("AllocatedStorage", "20"), ("MultiAZ", "false"));
        Assert.Empty(rds.Validate(good));

        Assert.NotEmpty(rds.Validate(Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "c"), ("Engine", "mysql"), ("VpcSecurityGroupIds.member.1", "sg-1"))));
        Assert.NotEmpty(rds.Validate(Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "c"), ("Engine", "mysql"), ("MultiAZ", "True"))));
        Assert.NotEmpty(rds.Validate(Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "c"), ("Engine", "mysql"), ("AllocatedStorage", "twenty"))));
        Assert.NotEmpty(rds.Validate(Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "c"))));
        Assert.NotEmpty(rds.Validate(Form(("DBInstanceIdentifier", "db"), ("DBInstanceClass", "c"), ("Engine", "mysql"), ("Tags.Tag.2.Key", "k"))));
        Assert.NotEmpty(rds.Validate([new("Action", "CreateDBInstance"), new("Version", "2015-01-01"), new("DBInstanceIdentifier", "db"), new("DBInstanceClass", "c"), new("Engine", "mysql")]));

        var eb = new QueryModelValidator(AwsModels.Load("elasticbeanstalk-2010-12-01"));
        Assert.Empty(eb.Validate([new("Action", "DescribeEvents"), new("Version", "2010-12-01"), new("StartTime", "2025-01-02T03:04:05Z")]));
        Assert.NotEmpty(eb.Validate([new("Action", "DescribeEvents"), new("Version", "2010-12-01"), new("StartTime", "1/2/2025")]));
        Assert.NotEmpty(eb.Validate([new("Action", "DescribeEvents"), new("Version", "2010-12-01"), new("NoSuchMember", "x")]));
    }

    private static void CheckFilled(QueryModelValidator model, JsonObject shape, object value, string path, int depth, List<string> problems)
    {
        foreach (var (name, reference) in shape["members"]!.AsObject())
        {
            var memberShape = model.Resolve(reference!.AsObject());
            var property = value.GetType().GetProperty(name);
            if (property is null)
            {
                problems.Add($"{path}.{name}: no property");
                continue;
            }

            var actual = property.GetValue(value);
            if (actual is null)
            {
                problems.Add($"{path}.{name}: not parsed");
                continue;
            }

            CheckValue(model, memberShape, actual, name, $"{path}.{name}", depth, problems);
        }
    }

    private static void CheckValue(QueryModelValidator model, JsonObject shape, object actual, string name, string path, int depth, List<string> problems)
    {
        switch (QueryModelValidator.TypeOf(shape))
        {
            case "structure":
                if (depth < 6)
                {
                    CheckFilled(model, shape, actual, path, depth + 1, problems);
                }

                break;
            case "list":
            {
                var items = ((IEnumerable)actual).Cast<object>().ToList();
                if (depth < 6 && items.Count != 2)
                {
                    problems.Add($"{path}: {items.Count} items, expected 2");
                }

                foreach (var item in items)
                {
                    CheckValue(model, model.Resolve(shape["member"]!.AsObject()), item, name, path + "[]", depth + 1, problems);
                }

                break;
            }

            case "map":
            {
                var dict = (IEnumerable)actual;
                var count = 0;
                foreach (var entry in dict)
                {
                    count++;
                    var entryValue = entry.GetType().GetProperty("Value")!.GetValue(entry)!;
                    CheckValue(model, model.Resolve(shape["value"]!.AsObject()), entryValue, name, path + "{}", depth + 1, problems);
                }

                if (count != 2)
                {
                    problems.Add($"{path}: {count} entries, expected 2");
                }

                break;
            }

            default:
                var expected = SampleResponses.Scalar(shape, name);
                var text = actual switch
                {
                    DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    double d => d.ToString(CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => actual.ToString(),
                };
                if (text != expected)
                {
                    problems.Add($"{path}: '{text}', expected '{expected}'");
                }

                break;
        }
    }
}
