using System.Net;
using System.Text;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.ServiceDefaults.Tests.ErrorHandling;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private const string ExceptionText = "boom: connection Password=hunter2 failed";
    private static readonly int ClosedPort = FreePort.Next();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        configure: builder => builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024),
        map: app =>
        {
            app.MapGet("/throw", string () => throw new InvalidOperationException(ExceptionText));
            app.MapPost("/items", (NewItem item) => TypedResults.Ok(item));
            app.MapGet("/pages", (int page) => TypedResults.Ok(page));
            app.MapGet("/db", async Task<IResult> () =>
            {
                await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={ClosedPort};Username=x;Password=y;Timeout=2");
                await connection.OpenAsync();
                return TypedResults.Ok();
            });
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Unhandled_exception_is_500_problem_details_without_exception_text()
    {
        using var response = await _app.Client.GetAsync("/throw");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("boom", body);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain(nameof(InvalidOperationException), body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_the_parameter_and_position()
    {
        using var response = await _app.Client.PostAsync("/items", new StringContent("{\"name\": \"a\", \"count\": ", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("NewItem item", detail);
        Assert.Contains("JSON", detail);
        Assert.Contains("line 1", detail);
    }

    [Fact]
    public async Task Wrong_json_type_is_400_naming_the_json_path()
    {
        using var response = await _app.Client.PostAsync("/items", new StringContent("{\"name\": \"a\", \"count\": \"three\"}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.count", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_content_type_is_415_naming_the_media_type()
    {
        using var response = await _app.Client.PostAsync("/items", new StringContent("name=a", Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/plain", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_large_body_is_413()
    {
        var big = "{\"name\": \"" + new string('x', 4096) + "\", \"count\": 1}";
        using var response = await _app.Client.PostAsync("/items", new StringContent(big, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unparsable_query_parameter_is_400_naming_it()
    {
        using var response = await _app.Client.GetAsync("/pages?page=abc");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("page", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_details()
    {
        using var response = await _app.Client.GetAsync("/no/such/route");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unreachable_database_is_503_service_unavailable_with_retry_after()
    {
        using var response = await _app.Client.GetAsync("/db");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.EndsWith("service-unavailable", problem.GetProperty("type").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("Password", problem.GetRawText());
    }

    [Fact]
    public async Task Errors_are_counted_by_category_on_the_metrics_endpoint()
    {
        using (await _app.Client.GetAsync("/pages?page=abc"))
        {
        }

        var metrics = await _app.Client.GetStringAsync("/metrics");

        Assert.Matches("chatbot_errors(_total)?\\{[^}]*error_category=\"caller\"", metrics);
    }

    public sealed record NewItem(string Name, int Count);
}
