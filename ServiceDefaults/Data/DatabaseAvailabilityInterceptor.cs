using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chatbot.ServiceDefaults.Data;

/// <summary>
/// Fails a connection open at once while <see cref="DatabaseAvailability"/> says the database is down, so a request
/// answers 503 in milliseconds instead of waiting for Npgsql's connect (15 s) or command (30 s) timeout on a hung server.
/// </summary>
public sealed class DatabaseAvailabilityInterceptor(DatabaseAvailability availability, string database) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfUnavailable();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable();
        return ValueTask.FromResult(result);
    }

    private void ThrowIfUnavailable()
    {
        if (!availability.IsAvailable(database))
        {
            throw new DatabaseUnavailableException(database);
        }
    }
}
