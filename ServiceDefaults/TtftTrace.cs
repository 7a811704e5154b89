namespace Chatbot.ServiceDefaults;

public static class TtftTrace
{
    private static readonly Lock Gate = new();
    public static void Mark(string point, string id)
    {
        var line = $"{point} {id} {System.Diagnostics.Stopwatch.GetTimestamp()}\n";
        lock (Gate) File.AppendAllText("/tmp/ttft-trace.log", line);
    }
}
