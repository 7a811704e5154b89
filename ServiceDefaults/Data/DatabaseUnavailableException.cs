namespace Chatbot.ServiceDefaults.Data;

/// <summary>Thrown instead of opening a connection while the probe says the database does not answer (answered as 503).</summary>
public sealed class DatabaseUnavailableException(string database)
    : Exception($"Database '{database}' is not answering; the request was not sent to it.")
{
    public string Database { get; } = database;
}
