namespace Chatbot.SecurityDrills.Routes;

/// <summary>How a route is protected, which decides what the drills expect of it.</summary>
public enum Access
{
    /// <summary>Anonymous by design (sign-up, token, web session, API description). Fuzzed, not access-checked.</summary>
    Public,

    /// <summary>Health, liveness, metrics and the test-only route export of every service.</summary>
    Infrastructure,

    /// <summary>Chat's reverse-proxy catch-all: the backend's own route table covers what lies behind it.</summary>
    Forwarded,

    /// <summary>Service-to-service or simulator route: not forwarded, so the public origin answers 404.</summary>
    Internal,

    /// <summary>Names a resource of the caller's tenant: another tenant gets 404.</summary>
    OwnedByTenant,

    /// <summary>Names a resource of one user: another tenant and another user of the same tenant get 404.</summary>
    OwnedByUser,

    /// <summary>No id: acts on the caller's own tenant or user; the answer holds nothing of another tenant.</summary>
    CallerScoped,

    /// <summary>Platform administration: any tenant's user gets 403 whatever the id (no existence oracle).</summary>
    PlatformAdmin,
}
