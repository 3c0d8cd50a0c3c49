# syntax=docker/dockerfile:1
# The ebops operator image. Build: docker build -t ebops .
# tools/publish-check.sh runs this file's restore and publish commands without Docker (CI has no Docker engine).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# amd64 or arm64, set by BuildKit for each platform of `docker buildx build --platform ...`; the SDK reads both names.
ARG TARGETARCH
WORKDIR /src
# Restore layer: only the files restore reads, so it stays cached until a project file or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ebops.slnx ./
COPY src/Operator/Operator.csproj src/Operator/
COPY src/Sandbox/Sandbox.csproj src/Sandbox/
RUN dotnet restore src/Operator/Operator.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/ src/
# ReadyToRun: the assemblies ship precompiled for the platform, so the process starts without JIT-compiling its start-up
# path (bench/Release.Bench `startup` measures it); still framework-dependent on the aspnet image.
RUN dotnet publish src/Operator/Operator.csproj -c Release --no-restore -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Read-only root filesystem: no diagnostics IPC socket, temp files only under /tmp (an emptyDir in the Deployment).
# GCgen0size: a 4 MB gen0 budget instead of one sized from the CPU's cache (16 MB and more on server CPUs), so the
# heap the GC commits stays close to what is live; the runtime reads it from the environment only (the other memory
# settings are in ebops.runtimeconfig.json, from src/Operator/Operator.csproj). docs/benchmarks.md, "Operator memory".
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_GCgen0size=0x400000 \
    TMPDIR=/tmp
COPY --from=build /app ./
# The non-root user the .NET images ship (uid 1654).
USER $APP_UID
EXPOSE 8080
# The verb comes from CMD so that the Deployment's args ([run, --leader-elect]) replace it rather than repeat it.
ENTRYPOINT ["dotnet", "ebops.dll"]
CMD ["run"]
