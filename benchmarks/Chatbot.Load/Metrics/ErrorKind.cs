using System.Net.Sockets;
using Chatbot.Load.Client;

namespace Chatbot.Load.Metrics;

/// <summary>A short, stable name for a failure, to count failures by kind without storing messages.</summary>
public static class ErrorKind
{
    public static string Of(Exception e) => e switch
    {
        StepFailedException failed => failed.Kind,
        TaskCanceledException or TimeoutException => "timeout",
        HttpRequestException { InnerException: SocketException socket } => $"socket {socket.SocketErrorCode}",
        HttpRequestException http when http.StatusCode is { } status => $"HTTP {(int)status}",
        HttpRequestException => "connection",
        IOException => "io",
        _ => e.GetType().Name,
    };
}
