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
