using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace Chatbot.Identity.Data.Configurations;

/// <summary>
/// The erasure deletes a user's tokens by subject (<c>ErasureStarter</c>); OpenIddict's own index leads with the
/// application id, so without this one that delete reads every token.
/// </summary>
internal sealed class OpenIddictTokenConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken<Guid>>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken<Guid>> builder) =>
        builder.HasIndex(t => t.Subject).HasDatabaseName("IX_OpenIddictTokens_Subject");
}
