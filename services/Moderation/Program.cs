var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddModerationServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication(); // after the status code pages: a 401/403 is problem details
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapModerationApi();

await app.RunServiceAsync(args);
