using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB's MaxRecords/NextToken pages (MaxRecords 1-1000; a bad token is InvalidParameterValue).</summary>
internal sealed class EbPaging(SimWorld world)
{
    /// <summary>One page of <paramref name="all"/>; with <paramref name="allWhenUnrequested"/>, everything in one response
    /// when the caller sends no MaxRecords (DescribeEnvironments: "If no MaxRecords is specified, all available
    /// environments are retrieved in a single response").</summary>
    public SimPage<T> Page<T>(IReadOnlyList<T> all, SimParams p, string action, bool allWhenUnrequested = false)
    {
        var size = p.Int("MaxRecords");
        if (size is < 1 or > 1000)
        {
            throw EbErrors.Invalid($"Value {size} for parameter MaxRecords is invalid. It must be between 1 and 1000.");
        }

        return world.Paging.Page(C.SigningName, action, all, p.Get("NextToken"), size, paginateWhenUnrequested: !allWhenUnrequested, invalidTokenCode: C.Errors.InvalidParameterValue);
    }
}
