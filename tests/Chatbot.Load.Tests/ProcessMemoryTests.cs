using System.Net;
using System.Net.Sockets;
using Chatbot.Load.Sut;

namespace Chatbot.Load.Tests;

public class ProcessMemoryTests
{
    [Fact]
    public void The_process_listening_on_a_port_is_found_and_its_memory_read()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var pid = ProcessMemory.FindListener(((IPEndPoint)listener.LocalEndpoint).Port);

            Assert.Equal(Environment.ProcessId, pid);
            Assert.InRange(ProcessMemory.ResidentBytes(pid), 1_000_000, 100_000_000_000);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void A_metric_is_summed_over_its_label_sets_and_other_metrics_are_ignored()
    {
        const string exposition = """
            # TYPE dotnet_gc_last_collection_heap_size_bytes gauge
            dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen0"} 1000 1732480000000
            dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="loh"} 24
            dotnet_gc_last_collection_heap_size_bytes_total 5
            """;

        Assert.Equal(1024, ProcessMemory.SumMetric(exposition, "dotnet_gc_last_collection_heap_size_bytes"));
        Assert.True(double.IsNaN(ProcessMemory.SumMetric(exposition, "missing")));
    }
}
