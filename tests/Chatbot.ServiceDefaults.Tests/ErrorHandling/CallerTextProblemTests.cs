using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Chatbot.ServiceDefaults.Tests.ErrorHandling;

/// <summary>Caller text the server cannot take (found by the security drills' fuzzing) is 400, not 500.</summary>
public sealed class CallerTextProblemTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(map: app =>
    {
        // What Npgsql raises when a text parameter holds U+0000, wrapped as EF Core's SaveChanges wraps it.
        app.MapPost("/nul", string () => throw new InvalidOperationException("save failed",
            new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021")));
        app.MapPost("/form", async Task<IResult> (HttpRequest request) =>
        {
            await request.ReadFormAsync();
            throw new InvalidDataException("The form value contains invalid characters.");
        });
        app.MapPost("/not-a-form", string () => throw new InvalidDataException("corrupt archive"));
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Text_postgres_cannot_store_is_400_naming_the_NUL_character()
    {
        using var response = await _app.Client.PostAsync("/nul", null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("NUL", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_form_the_reader_refuses_is_400_and_other_invalid_data_stays_500()
    {
        using var form = await _app.Client.PostAsync("/form", new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }));
        using var other = await _app.Client.PostAsync("/not-a-form", null);

        var problem = await ProblemAssert.IsProblemAsync(form, HttpStatusCode.BadRequest);
        Assert.Contains("form body", problem.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.InternalServerError);
    }
}
