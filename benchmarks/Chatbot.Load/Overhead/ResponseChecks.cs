namespace Chatbot.Load.Overhead;

/// <summary>A failed call stops the benchmark with the server's problem body, so the refusing limit or check is named.</summary>
public static class ResponseChecks
{
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException(
                $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {body}",
                null, response.StatusCode);
        }
    }
}
