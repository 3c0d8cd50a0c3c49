using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB's MaxRecords/NextToken pages (MaxRecords 1-1000; a bad token is InvalidParameterValue).</summary>
internal sealed class EbPaging(SimWorld world)
{
    public SimPage<T> Page<T>(IReadOnlyList<T> all, SimParams p, string action)
    {
        var size = p.Int("MaxRecords");
        if (size is < 1 or > 1000)
        {
            throw EbErrors.Invalid($"Value {size} for parameter MaxRecords is invalid. It must be between 1 and 1000.");
        }

        return world.Paging.Page(C.SigningName, action, all, p.Get("NextToken"), size, invalidTokenCode: C.Errors.InvalidParameterValue);
    }
}
