using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NuMeng.Recognition.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReviewToRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActivatedAt",
                table: "SceneCatalogueRecords",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BureauOpinion",
                table: "RenameRequests",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedByUserId",
                table: "RenameRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForwardedAt",
                table: "RenameRequests",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RequestedByUserId",
                table: "RenameRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "Objections",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedByUserId",
                table: "Objections",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnterpriseResponse",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RespondedAt",
                table: "Objections",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseRequest",
                table: "Objections",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResponseRequestedAt",
                table: "Objections",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsensusOpinion",
                table: "ExpertAssignments",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConsensusSubmittedAt",
                table: "ExpertAssignments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EntrustedAt",
                table: "Batches",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoreAggregation",
                table: "Batches",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "TrimmedMeanFromFive");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "SceneCatalogueRecords");

            migrationBuilder.DropColumn(
                name: "BureauOpinion",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "ForwardedAt",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "RequestedByUserId",
                table: "RenameRequests");

            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "EnterpriseResponse",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ResponseRequest",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ResponseRequestedAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "ConsensusOpinion",
                table: "ExpertAssignments");

            migrationBuilder.DropColumn(
                name: "ConsensusSubmittedAt",
                table: "ExpertAssignments");

            migrationBuilder.DropColumn(
                name: "EntrustedAt",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ScoreAggregation",
                table: "Batches");
        }
    }
}
