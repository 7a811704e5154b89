using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>
/// What the probes know about each database: available until <see cref="DatabaseAvailabilityOptions.FailuresBeforeUnavailable"/>
/// probes in a row failed, available again after the first success. Requests read it without any I/O.
/// </summary>
public sealed class DatabaseAvailability(IOptions<DatabaseAvailabilityOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _failuresInARow = new();

    public bool IsAvailable(string database) =>
        _failuresInARow.GetValueOrDefault(database) < options.Value.FailuresBeforeUnavailable;

    /// <summary>Records one probe; returns true when this probe changed the database's availability.</summary>
    public bool Report(string database, bool succeeded)
    {
        var before = IsAvailable(database);
        _failuresInARow.AddOrUpdate(database, succeeded ? 0 : 1, (_, n) => succeeded ? 0 : n + 1);
        return before != IsAvailable(database);
    }
}
