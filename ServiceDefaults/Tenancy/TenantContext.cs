namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>
/// The tenant the current flow acts for, read by <see cref="TenantConnectionInterceptor"/> whenever a connection opens.
/// Set by <see cref="TenantContextMiddleware"/> from the token, and by <see cref="TenantConsumeFilter{T}"/> from the
/// message a consumer handles.
/// Flows with the async call chain (AsyncLocal), so background work never inherits a request's tenant by accident.
/// </summary>
public static class TenantContext
{
    private static readonly AsyncLocal<Guid?> Current = new();

    public static Guid? TenantId => Current.Value;

    /// <summary>Acts for <paramref name="tenantId"/> until the returned scope is disposed.</summary>
    public static IDisposable Enter(Guid tenantId)
    {
        var previous = Current.Value;
        Current.Value = tenantId;
        return new Scope(previous);
    }

    private sealed class Scope(Guid? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
