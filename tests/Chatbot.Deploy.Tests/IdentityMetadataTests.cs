using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Deploy.Tests;

/// <summary>In Production the services fetch identity's metadata and JWKS over HTTPS unless told otherwise; the deploy
/// files reach identity over their own network's plain HTTP, so they must say so or every token is refused.</summary>
public sealed class IdentityMetadataTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public void Production_requires_https_metadata_unless_the_setting_says_otherwise(string? setting, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:identity:http:0"] = "http://identity:8080",
            ["Identity:RequireHttpsMetadata"] = setting,
        });
        builder.AddDefaultAuthentication();
        using var app = builder.Build();

        var jwt = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(expected, jwt.RequireHttpsMetadata);
    }

    [Fact]
    public void Every_deployed_service_that_reaches_identity_over_http_allows_http_metadata()
    {
        var variables = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "p", ["REDIS_PASSWORD"] = "r", ["RABBITMQ_PASSWORD"] = "q", ["SERVICE_CREDENTIAL"] = "service-credential-0123456789", ["TAG"] = "t" };
        foreach (var service in ServiceProjects.StartOrder)
        {
            foreach (var environment in (Dictionary<string, string>[])[ComposeEnvironment.For(service, variables), KubernetesEnvironment.For(service, service, new Dictionary<string, string>())])
            {
                if (environment.TryGetValue("services__identity__http__0", out var identity) && identity.StartsWith("http://", StringComparison.Ordinal))
                {
                    Assert.True(environment.GetValueOrDefault("Identity__RequireHttpsMetadata") == "false",
                        $"{service} reaches identity at {identity} but would require HTTPS metadata in Production");
                }
            }
        }
    }
}
