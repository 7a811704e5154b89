using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace Chatbot.Identity.Data.Configurations;

/// <summary>The erasure deletes a user's authorizations by subject, as their tokens (<see cref="OpenIddictTokenConfiguration"/>).</summary>
internal sealed class OpenIddictAuthorizationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization<Guid>>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization<Guid>> builder) =>
        builder.HasIndex(a => a.Subject).HasDatabaseName("IX_OpenIddictAuthorizations_Subject");
}
