using System.Data.Common;

namespace Chatbot.ServiceDefaults.Tenancy;

/// <summary>A SET of the session's tenant (and role) in a round trip of its own, recorded only once it succeeded.</summary>
internal sealed record TenantChange(SessionTenant Session, Guid? Tenant, string? Role)
{
    public DbCommand CreateCommand(DbConnection connection)
    {
        Session.Unknown(); // a failed SET leaves the setting unknown, so the next command tries again
        var command = connection.CreateCommand();
        var tenant = TenantConnectionInterceptor.SetTenantSql(Tenant);
        command.CommandText = Role is null ? tenant : $"SET ROLE {Role}; {tenant}";
        return command;
    }

    public void Applied() => Session.Known(Tenant);
}
