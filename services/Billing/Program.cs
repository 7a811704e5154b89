var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBillingServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication(); // after the status code pages: a 401/403 is problem details
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapBillingApi();

await app.RunServiceAsync(args);
