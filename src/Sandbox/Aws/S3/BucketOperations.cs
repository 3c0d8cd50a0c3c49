using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation.</summary>
internal sealed class BucketOperations(SimWorld world, S3Store store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("ListBuckets", (_, _) => S3Xml.Xml(E("ListAllMyBucketsResult",
            S3Xml.Owner(world),
            E("Buckets", store.Buckets().Select(b => E("Bucket", E("Name", b.Name), E("CreationDate", b.Created)))))))
        .Add("CreateBucket", Create)
        .Add("HeadBucket", (_, p) => store.BucketExists(Bucket(p)) ? S3Xml.Empty(200) : throw S3Errors.NoSuchBucket())
        .Add("DeleteBucket", (_, p) =>
        {
            store.DeleteBucket(Bucket(p));
            return S3Xml.Empty(204);
        })
        .Add("GetBucketLocation", (_, p) => store.BucketExists(Bucket(p))
            ? S3Xml.Xml(E("LocationConstraint", world.Region))
            : throw S3Errors.NoSuchBucket());

    private static string Bucket(SimParams p) => p.Required("Bucket");

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var bucket = Bucket(p);
        store.CreateBucketChecked(bucket);
        return S3Xml.Empty(200, new Dictionary<string, string> { ["Location"] = "/" + bucket });
    }
}
