// Release benchmarks: failed requests and cut-over times of release strategies side by side, against the AWS
// simulator's real data plane. Prints numbers; asserts nothing.
//   dotnet run -c Release --project bench/Release.Bench -- release [--releases 10] [--rate 500] [--json results/release.json]
using System.CommandLine;
using Ebops.Bench.Release;

var root = new RootCommand("ebops release benchmarks (docs/benchmarks.md)") { ReleaseCommand.Create() };
return await root.Parse(args).InvokeAsync();
