using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>Waits of a <see cref="ReleaseWorld"/> that <see cref="ReleaseWorld.RunUntilAsync{T}"/> does not cover.</summary>
internal static class WorldLifecycle
{
    /// <summary>Runs the world until the object is gone (its finalizer done), restarting a crashed operator at once.</summary>
    public static async Task UntilGoneAsync<T>(this ReleaseWorld world, string name, TimeSpan within)
        where T : class, ICustomResource
    {
        var deadline = world.Clock.GetUtcNow() + within;
        while (true)
        {
            await world.SettleAsync();
            if (world.Operator.Crashed)
            {
                await world.CrashAsync();
                await world.StartOperatorAsync();
                continue;
            }

            var current = await world.FindAsync<T>(name);
            if (current is null)
            {
                return;
            }

            if (world.Clock.GetUtcNow() > deadline || !await world.StepAsync())
            {
                throw new Xunit.Sdk.XunitException($"{typeof(T).Name} {name} is not gone by {world.Clock.GetUtcNow():O}.\n{world.Describe(current)}");
            }
        }
    }
}
