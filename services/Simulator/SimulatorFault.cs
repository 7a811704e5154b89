namespace Chatbot.Simulator;

/// <summary>A failure the simulator produces instead of (or in the middle of) a reply.</summary>
public enum SimulatorFault
{
    None,
    /// <summary>HTTP 429 with a <c>Retry-After</c> header, before any token.</summary>
    RateLimited,
    /// <summary>HTTP 500 before any token.</summary>
    ServerError,
    /// <summary>No answer at all until the caller gives up.</summary>
    Timeout,
    /// <summary>The connection drops after some tokens.</summary>
    Disconnect,
}
