using System.Diagnostics;
using Chatbot.AppHost.Processes;

namespace Chatbot.EndToEnd.Tests;

/// <summary>
/// A program on the test builder that is killed (the billing benchmark, which calls <c>StopOnTermination</c>): a real
/// SIGTERM, from outside, must stop the servers it started (their own sessions never see the signal) before it exits.
/// </summary>
public sealed class TerminationSignalTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task A_benchmark_sent_SIGTERM_stops_every_server_it_started_and_exits_with_143()
    {
        using var program = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BillingBenchmark(), "100000000" }, // far more calls than the test waits for
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        program.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        program.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        program.BeginOutputReadLine();
        program.BeginErrorReadLine();
        IReadOnlyList<ProcessTree.ProcessId> started;
        try
        {
            started = await ServersUnderAsync(program.Id, TimeSpan.FromMinutes(3));
            ProcessTree.Signal([ProcessTree.Snapshot(program.Id)[0]], SigTerm);
            await program.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            if (!program.HasExited)
            {
                program.Kill(entireProcessTree: true);
            }
        }

        Assert.True(143 == program.ExitCode, $"exit code {program.ExitCode}; output:\n{string.Join('\n', output)}");
        Assert.All(started, p => Assert.False(ProcessTree.IsAlive(p), $"pid {p.Pid} survived the signal"));
    }

    /// <summary>The program's descendants once PostgreSQL, Redis and RabbitMQ all run among them.</summary>
    private static async Task<IReadOnlyList<ProcessTree.ProcessId>> ServersUnderAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var tree = ProcessTree.Snapshot(pid).Skip(1).ToList();
            var names = tree.Select(p => Name(p.Pid)).ToHashSet();
            if (names.Contains("postgres") && names.Contains("redis-server") && names.Contains("beam.smp"))
            {
                return tree;
            }
            Assert.True(DateTime.UtcNow < deadline, $"servers under {pid}: {string.Join(", ", names)}");
            await Task.Delay(200);
        }
    }

    private static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The billing benchmark built beside this test assembly (same configuration).</summary>
    private static string BillingBenchmark()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')); // …/bin/<configuration>/<framework>
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (!File.Exists(Path.Combine(root.FullName, "Chatbot.Aspire.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Chatbot.Aspire.sln not found above the test assembly.");
        }
        var program = Path.Combine(root.FullName, "benchmarks", "Chatbot.Billing.Benchmarks", "bin", configuration, framework,
            "Chatbot.Billing.Benchmarks.dll");
        Assert.True(File.Exists(program), $"{program} is not built");
        return program;
    }
}
