// ebops benchmarks: failed requests and cut-over times of release strategies side by side, against the AWS simulator's
// real data plane; and what the operator costs at scale (AWS and Kubernetes API calls, memory, CPU, start-up). Prints
// numbers; asserts nothing.
//   dotnet run -c Release --project bench/Release.Bench -- release [--releases 10] [--rate 500] [--json results/release.json]
//   ... -- scale --apps 100 500 1000 | steady [--apps 500] | startup [--runs 5] | soak [--apps 20] [--rounds 10]   (the operator in its own process)
using System.CommandLine;
using Ebops.Bench.Release;
using Ebops.Bench.Release.Fleet;

var root = new RootCommand("ebops benchmarks (docs/benchmarks.md)")
{
    ReleaseCommand.Create(), ScaleCommand.Create(), SteadyCommand.Create(), StartupCommand.Create(), SoakCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
