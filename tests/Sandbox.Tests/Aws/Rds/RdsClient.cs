using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>Sends RDS Query calls through <see cref="SimHost"/> and checks each request and each successful response
/// against the official RDS model (errors against the Query error shape).</summary>
internal sealed class RdsClient(SimHost host)
{
    public async Task<SimReply> CallAsync(string action, params (string Key, string Value)[] parameters)
    {
        var form = parameters.ToDictionary(p => p.Key, p => p.Value);
        var requestErrors = AwsModel.Rds.ValidateRequest(new Dictionary<string, string>(form) { ["Action"] = action, ["Version"] = "2014-10-31" });
        Assert.True(requestErrors.Count == 0, string.Join("\n", requestErrors));
        var reply = await host.QueryAsync("rds", action, form);
        if (reply.Status == 200)
        {
            var errors = AwsModel.Rds.ValidateResponse(action, reply.Xml);
            Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + reply.Body);
            Assert.Equal(reply.Headers["x-amzn-RequestId"], reply.Value("RequestId"));
        }
        else
        {
            Assert.Equal("ErrorResponse", reply.Xml.Name.LocalName);
            Assert.Equal(SimServiceInfo.Rds.XmlNamespace, reply.Xml.Name.NamespaceName);
            Assert.NotNull(reply.Value("Type"));
        }

        return reply;
    }

    /// <summary>Calls and asserts success.</summary>
    public async Task<SimReply> OkAsync(string action, params (string Key, string Value)[] parameters)
    {
        var reply = await CallAsync(action, parameters);
        Assert.True(reply.Status == 200, $"{action} failed: {reply.Body}");
        return reply;
    }

    /// <summary>Calls and asserts an error; returns (status, code).</summary>
    public async Task<(int Status, string? Code)> ErrorAsync(string action, params (string Key, string Value)[] parameters)
    {
        var reply = await CallAsync(action, parameters);
        Assert.NotEqual(200, reply.Status);
        return (reply.Status, reply.ErrorCode);
    }

    /// <summary>Calls and asserts an error; returns (status, code, message).</summary>
    public async Task<(int Status, string? Code, string? Message)> FailureAsync(string action, params (string Key, string Value)[] parameters)
    {
        var reply = await CallAsync(action, parameters);
        Assert.NotEqual(200, reply.Status);
        return (reply.Status, reply.ErrorCode, reply.Value("Message"));
    }

    /// <summary>Every item of a paginated describe: follows Marker until the last page; returns the items' elements.</summary>
    public async Task<IReadOnlyList<System.Xml.Linq.XElement>> AllPagesAsync(string action, string item, params (string Key, string Value)[] parameters)
    {
        var items = new List<System.Xml.Linq.XElement>();
        string? marker = null;
        do
        {
            var reply = await OkAsync(action, [.. parameters, .. marker is null ? Array.Empty<(string, string)>() : [("Marker", marker)]]);
            items.AddRange(reply.All(item));
            marker = reply.Value("Marker");
        }
        while (marker is not null);
        return items;
    }

    /// <summary>Creates a mysql8.0 parameter group.</summary>
    public Task<SimReply> CreateGroupAsync(string name, string family = "mysql8.0") =>
        OkAsync("CreateDBParameterGroup", ("DBParameterGroupName", name), ("DBParameterGroupFamily", family), ("Description", name));

    /// <summary>ModifyDBParameterGroup with one parameter.</summary>
    public Task<SimReply> SetAsync(string group, string name, string value, string method = "immediate") =>
        CallAsync("ModifyDBParameterGroup", ("DBParameterGroupName", group),
            ("Parameters.Parameter.1.ParameterName", name), ("Parameters.Parameter.1.ParameterValue", value),
            ("Parameters.Parameter.1.ApplyMethod", method));

    public Task<SimReply> CreateMySqlAsync(string id, string password = "Initial-Passw0rd", params (string Key, string Value)[] extra) =>
        OkAsync("CreateDBInstance",
        [
            ("DBInstanceIdentifier", id), ("DBInstanceClass", "db.t4g.micro"), ("Engine", "mysql"), ("EngineVersion", "8.0.40"),
            ("AllocatedStorage", "20"), ("MasterUsername", "admin"), ("MasterUserPassword", password), ("DBName", "shop"),
            .. extra,
        ]);

    public async Task<string?> StatusAsync(string id) =>
        (await OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", id))).Value("DBInstanceStatus");

    public async Task<string?> ParameterStatusAsync(string id) =>
        (await OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", id))).Value("ParameterApplyStatus");
}
