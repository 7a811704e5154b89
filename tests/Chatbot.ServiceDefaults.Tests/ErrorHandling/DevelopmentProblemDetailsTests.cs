using System.Net;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.ErrorHandling;

public sealed class DevelopmentProblemDetailsTests
{
    [Fact]
    public async Task Development_also_answers_500_problem_details_without_the_exception()
    {
        await using var app = await TestApp.StartAsync(
            configure: builder => builder.Environment.EnvironmentName = Environments.Development,
            map: web => web.MapGet("/throw", string () => throw new InvalidOperationException("dev-only-secret-text")));

        using var response = await app.Client.GetAsync("/throw");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("dev-only-secret-text", problem.GetRawText());
        Assert.DoesNotContain("InvalidOperationException", problem.GetRawText());
    }
}
