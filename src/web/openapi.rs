//! The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
//!
//! Written by hand from the handlers in `api.rs`, the error mapping in `error.rs`, the
//! rules in `booking.rs` and the limits in `ratelimit.rs`. Change it with them.

use axum::Json;
use serde_json::{json, Map, Value};

pub async fn document() -> Json<Value> {
    Json(spec())
}

pub fn spec() -> Value {
    let mut paths = Map::new();
    paths.insert("/api/v1/openapi.json".into(), openapi_path());
    paths.insert("/api/v1/offices".into(), offices_path());
    paths.insert(
        "/api/v1/offices/{office}/availability".into(),
        availability_path(),
    );
    paths.insert(
        "/api/v1/offices/{office}/appointments".into(),
        appointments_path(),
    );
    paths.insert("/api/v1/bookings".into(), bookings_path());
    paths.insert("/api/v1/bookings/confirm".into(), confirm_path());
    paths.insert("/api/v1/bookings/{token}".into(), token_path());
    paths.insert("/api/v1/bookings/{token}/move".into(), move_path());
    staff_paths(&mut paths);
    stats_paths(&mut paths);
    plan_paths(&mut paths);
    feed_paths(&mut paths);
    webhook_paths(&mut paths);
    json!({
        "openapi": "3.1.0",
        "info": info(),
        "tags": [
            {"name": "offices", "description": "Offices, their services and free times."},
            {"name": "bookings", "description": "Book, confirm, read and cancel appointments."},
            {"name": "staff", "description": "Day lists for staff and back-office systems."},
            {"name": "queue", "description": "The day's queue: check-in by booking code, walk-in \
                tickets, calling tickets to desks, the waiting-room display, alerts, the audit log."},
            {"name": "statistics", "description": "How an office runs, in counts and times; the public figures."},
            {"name": "plan", "description": "An office's plan (hours, services, rules) and its revisions, for heads."},
            {"name": "meta", "description": "This description."}
        ],
        "paths": paths,
        "components": {
            "schemas": merge(merge(office_schemas(), booking_schemas()), queue_schemas()),
            "responses": merge(error_responses(), conflict_responses()),
            "parameters": parameters(),
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key issued by the operator, sent as \
                        `Authorization: Bearer <key>`. A key may be bound to one office, and \
                        has a role: `reader` (the day's appointments), `clerk` (the queue) or \
                        `head` (also the audit log). A kiosk's token (check-in and walk-in \
                        tickets only) and a staff session's token are sent the same way."
                }
            }
        }
    })
}

/// The keys of two JSON objects in one object.
fn merge(a: Value, b: Value) -> Value {
    let mut out = match a {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    if let Value::Object(m) = b {
        out.extend(m);
    }
    Value::Object(out)
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn response(name: &str) -> Value {
    json!({ "$ref": format!("#/components/responses/{name}") })
}

/// A shared response with a description that fits the operation.
fn response_as(name: &str, description: &str) -> Value {
    json!({
        "$ref": format!("#/components/responses/{name}"),
        "description": description
    })
}

fn parameter(name: &str) -> Value {
    json!({ "$ref": format!("#/components/parameters/{name}") })
}

fn json_body(schema: Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

fn info() -> Value {
    json!({
        "title": "Termin API",
        "version": "1",
        "description": "Book appointments at German citizen offices (Bürgerbüros) from portals \
            and back-office systems.\n\n\
            Times are RFC 3339 with the office's UTC offset, e.g. \
            `2026-12-01T09:30:00+01:00`. Dates are `YYYY-MM-DD` in the office's time zone.\n\n\
            Errors are JSON objects `{error, message, fields?}`: `error` is a short code for \
            programs, `message` a sentence for people, and `fields` (with 422 only) lists the \
            mistakes per field. Bad input gets a 4xx answer and changes nothing.\n\n\
            Rate limits count per client address (IPv6 per /64 block). Reading offices and \
            free times allows bursts of 120 requests, then 4 per second. Creating bookings \
            allows 10, then one every 30 seconds. Requests under `/api/v1/bookings/` (with a \
            booking's token) allow 30, then one every 2 seconds. Over the limit the answer is \
            429 with a `Retry-After` header.\n\n\
            The secret token that manages a booking reaches the citizen only by email. No \
            answer of this API contains it."
    })
}

fn openapi_path() -> Value {
    json!({
        "get": {
            "tags": ["meta"],
            "operationId": "getOpenApi",
            "summary": "This description",
            "description": "The OpenAPI 3.1 description of this API.",
            "responses": {
                "200": {
                    "description": "The OpenAPI document.",
                    "content": json_body(json!({"type": "object"}))
                },
                "429": response("TooManyRequests"),
                "500": response("Internal")
            }
        }
    })
}

fn offices_path() -> Value {
    json!({
        "get": {
            "tags": ["offices"],
            "operationId": "listOffices",
            "summary": "List offices",
            "description": "All offices with their counters and the services each counter \
                offers. Use the ids in the other requests.",
            "responses": {
                "200": {
                    "description": "The offices.",
                    "content": json_body(json!({
                        "type": "object",
                        "required": ["offices"],
                        "properties": {
                            "offices": {"type": "array", "items": schema("Office")}
                        }
                    }))
                },
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn availability_path() -> Value {
    json!({
        "parameters": [parameter("Office")],
        "get": {
            "tags": ["offices"],
            "operationId": "getAvailability",
            "summary": "Free times",
            "description": "The free start times per day for some services of one counter and \
                a number of persons. Every day of the range is listed, also closed days (with \
                no slots). Days after the office's last bookable day are left out.",
            "parameters": [
                {
                    "name": "services",
                    "in": "query",
                    "required": true,
                    "description": "Ids of one to 10 services, all of one counter, separated \
                        by commas.",
                    "style": "form",
                    "explode": false,
                    "schema": {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": 1,
                        "maxItems": 10,
                        "uniqueItems": true
                    },
                    "example": ["anmeldung"]
                },
                {
                    "name": "persons",
                    "in": "query",
                    "required": false,
                    "description": "How many persons come. At most the smallest `max_persons` \
                        of the services.",
                    "schema": {"type": "integer", "minimum": 1, "default": 1}
                },
                {
                    "name": "from",
                    "in": "query",
                    "required": false,
                    "description": "First day. Default: today in the office's time zone. \
                        Must not be in the past or beyond the booking horizon.",
                    "schema": {"type": "string", "format": "date"},
                    "example": "2026-12-01"
                },
                {
                    "name": "to",
                    "in": "query",
                    "required": false,
                    "description": "Last day. Default: `from` plus 13 days. Not before \
                        `from`, and at most 62 days in all (`to` at most `from` plus 61 days).",
                    "schema": {"type": "string", "format": "date"},
                    "example": "2026-12-14"
                },
                {
                    "name": "format",
                    "in": "query",
                    "required": false,
                    "description": "`full`: every slot as an object with `start`, `end`, \
                        `left` and `quiet`. `compact`: per day the start times, the places \
                        left and the quiet times as lists, about a fifth of the bytes (31 days \
                        of one service at a demo office: 23 KB instead of 107 KB).",
                    "schema": {"type": "string", "enum": ["full", "compact"], "default": "full"}
                }
            ],
            "responses": {
                "200": {
                    "description": "The free times per day.",
                    "content": json_body(json!({
                        "oneOf": [schema("Availability"), schema("CompactAvailability")]
                    }))
                },
                "400": response_as("BadRequest", "The query string cannot be read."),
                "404": response_as("NotFound", "There is no such office."),
                "422": response_as(
                    "Invalid",
                    "A parameter has mistakes: unknown or mixed services, too many persons, \
                     a malformed date, or a range outside the booking window."
                ),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn appointments_path() -> Value {
    json!({
        "parameters": [parameter("Office")],
        "get": {
            "tags": ["staff"],
            "operationId": "listAppointments",
            "summary": "A day's appointments",
            "description": "All bookings that start on one day at the office, in any status, \
                ordered by start time. The answer holds personal data: keep the API key on \
                the server. The answer is sent with `Cache-Control: no-store`. With \
                `Accept: text/csv` the same as CSV (RFC 4180, a header line, the JSON's fields; \
                a field that a spreadsheet would read as a formula starts with an apostrophe).",
            "security": [{"apiKey": []}],
            "parameters": [
                {
                    "name": "date",
                    "in": "query",
                    "required": true,
                    "description": "The day, in the office's time zone.",
                    "schema": {"type": "string", "format": "date"},
                    "example": "2026-12-01"
                }
            ],
            "responses": {
                "200": {
                    "description": "The day's appointments.",
                    "content": with_csv(json_body(json!({
                        "type": "object",
                        "required": ["office", "date", "appointments"],
                        "properties": {
                            "office": {"type": "string", "description": "The office's id."},
                            "date": {"type": "string", "format": "date"},
                            "appointments": {"type": "array", "items": schema("Appointment")}
                        }
                    })))
                },
                "400": response_as("BadRequest", "The query string cannot be read."),
                "401": response("Unauthorized"),
                "404": response_as(
                    "NotFound",
                    "There is no such office, or the API key is bound to another office."
                ),
                "422": response_as("Invalid", "`date` is missing or not of the form YYYY-MM-DD."),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

/// A JSON body that can also be had as CSV (`Accept: text/csv`).
fn with_csv(mut content: Value) -> Value {
    content["text/csv"] = json!({"schema": {"type": "string"}});
    content
}

fn bookings_path() -> Value {
    json!({
        "post": {
            "tags": ["bookings"],
            "operationId": "createBooking",
            "summary": "Book an appointment",
            "description": "Books one of the free start times from the availability answer. \
                The place is taken in one transaction: of two requests for the last place, \
                one gets the booking and the other 409 `slot_taken`.\n\n\
                When the office requires confirmation (`confirm_within_minutes` above 0), \
                `status` is `pending` and `confirm_by` is the deadline. The citizen gets an \
                email with a link and must confirm before then, or the booking expires and \
                frees its place. Otherwise `status` is `confirmed` at once and the email \
                confirms the appointment.\n\n\
                The answer does not contain the secret token: it reaches the citizen only by \
                email.",
            "parameters": [parameter("IdempotencyKey")],
            "requestBody": {
                "required": true,
                "content": json_body(schema("BookingRequest"))
            },
            "responses": {
                "201": {
                    "description": "Booked.",
                    "content": {
                        "application/json": {
                            "schema": schema("Booking"),
                            "example": {
                                "id": "5f0c7a4e-2b1d-4c8e-9a57-0d3e1f6b2c9a",
                                "status": "pending",
                                "office": "mitte",
                                "counter": "stadtamt",
                                "services": ["anmeldung"],
                                "persons": 1,
                                "start": "2026-12-01T09:30:00+01:00",
                                "end": "2026-12-01T09:45:00+01:00",
                                "confirm_by": "2026-11-20T14:30:00+01:00"
                            }
                        }
                    }
                },
                "200": {
                    "description": "A retry with the same `Idempotency-Key` and the same body: \
                        the booking the first request made, as it is now. Nothing new is \
                        booked.",
                    "headers": {
                        "Idempotent-Replayed": {
                            "description": "Always `true`: this answer repeats an earlier one.",
                            "schema": {"type": "string", "const": "true"}
                        }
                    },
                    "content": json_body(schema("Booking"))
                },
                "400": response_as(
                    "BadRequest",
                    "The body is not valid JSON, or `Idempotency-Key` is not 1 to 200 visible \
                     ASCII characters."
                ),
                "409": response("BookingConflict"),
                "413": response("TooLarge"),
                "415": response("UnsupportedMediaType"),
                "422": response_as(
                    "Invalid",
                    "The body has mistakes. `fields` names them: `office` (no such office), \
                     `services`, `persons`, `start` (malformed, too soon, beyond the horizon, \
                     closed or not an offered start time), `name`, `email`, `phone`, \
                     `language`. A body with unknown or missing fields or wrong JSON types gets \
                     an empty `fields` list and the reason in `message`."
                ),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn confirm_path() -> Value {
    json!({
        "post": {
            "tags": ["bookings"],
            "operationId": "confirmBooking",
            "summary": "Confirm a booking",
            "description": "Confirms a pending booking with the token from the citizen's \
                email, before the booking's `confirm_by`. Confirming twice is fine: a booking \
                that is confirmed already is returned as it is.",
            "requestBody": {
                "required": true,
                "content": json_body(json!({
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["token"],
                    "properties": {
                        "token": {
                            "type": "string",
                            "pattern": "^[0-9a-f]{64}$",
                            "description": "The secret token from the link in the email."
                        }
                    }
                }))
            },
            "responses": {
                "200": {
                    "description": "The booking, confirmed.",
                    "content": json_body(schema("BookingDetails"))
                },
                "400": response_as("BadRequest", "The body is not valid JSON."),
                "404": response_as("NotFound", "No booking has this token."),
                "409": response("ConfirmConflict"),
                "410": response_as(
                    "Gone",
                    "The booking was not confirmed in time and has lapsed; its place is free."
                ),
                "413": response("TooLarge"),
                "415": response("UnsupportedMediaType"),
                "422": response_as(
                    "Invalid",
                    "The body is not of the form `{\"token\": \"…\"}`."
                ),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn token_path() -> Value {
    json!({
        "parameters": [parameter("Token")],
        "get": {
            "tags": ["bookings"],
            "operationId": "getBooking",
            "summary": "Read a booking",
            "description": "The booking behind a token, with the citizen's data, for its \
                owner. The answer is sent with `Cache-Control: no-store`.",
            "responses": {
                "200": {
                    "description": "The booking.",
                    "content": json_body(schema("BookingDetails"))
                },
                "404": response_as("NotFound", "No booking has this token."),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        },
        "delete": {
            "tags": ["bookings"],
            "operationId": "cancelBooking",
            "summary": "Cancel a booking",
            "description": "Cancels a pending or confirmed booking before its start. Its \
                place is free again at once and the citizen gets an email. Cancelling twice \
                is fine: a cancelled booking is returned as it is.",
            "responses": {
                "200": {
                    "description": "The booking, with `status` `cancelled`.",
                    "content": json_body(schema("BookingDetails"))
                },
                "404": response_as("NotFound", "No booking has this token."),
                "409": response("CancelConflict"),
                "410": response_as(
                    "Gone",
                    "The booking was never confirmed and has lapsed; there is nothing to cancel."
                ),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn parameters() -> Value {
    json!({
        "Office": {
            "name": "office",
            "in": "path",
            "required": true,
            "description": "The office's id, as in `GET /api/v1/offices`.",
            "schema": {"type": "string"},
            "example": "mitte"
        },
        "Token": {
            "name": "token",
            "in": "path",
            "required": true,
            "description": "The secret token from the link in the citizen's email: 64 \
                lowercase hex digits. Anything else is 404.",
            "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
        },
        "IdempotencyKey": {
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Makes retries safe. 1 to 200 visible ASCII characters, new for \
                each booking attempt (a random UUID works). A retry with the same key and the \
                same body answers 200 with the booking the first request made and the header \
                `Idempotent-Replayed: true`; nothing new is booked. The same key with a \
                different body is 409 `idempotency_key_reused`.",
            "schema": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "pattern": "^[!-~]+$"
            },
            "example": "3b9e2c1a-7f4d-4e8b-a6c5-1d2f3e4a5b6c"
        }
    })
}

/// A shared error response whose `error` code is one of `codes`.
fn error_response(description: &str, codes: &[&str]) -> Value {
    let code = match codes {
        [one] => json!({ "const": one }),
        many => json!({ "enum": many }),
    };
    json!({
        "description": description,
        "content": json_body(json!({
            "allOf": [
                schema("Error"),
                {"properties": {"error": code}}
            ]
        }))
    })
}

fn error_responses() -> Value {
    let mut invalid = error_response(
        "Fields have mistakes. `fields` lists each, and `message` sums them up.",
        &["invalid"],
    );
    invalid["content"]["application/json"]["schema"]["allOf"][1]["required"] = json!(["fields"]);
    invalid["content"]["application/json"]["example"] = json!({
        "error": "invalid",
        "message": "persons: at most 5 persons for these services",
        "fields": [{"field": "persons", "message": "at most 5 persons for these services"}]
    });
    let mut limited = error_response(
        "Too many requests from this client address. Wait the seconds in `Retry-After`.",
        &["rate_limited"],
    );
    limited["headers"] = json!({
        "Retry-After": {
            "description": "Seconds until a retry can succeed.",
            "schema": {"type": "integer", "minimum": 1}
        }
    });
    let mut busy = error_response(
        "Not just now: the office's plan is being changed (`busy`), the database cannot \
         be reached (`unavailable`), or the request took longer than it may (`timeout`). \
         Wait the seconds in `Retry-After`. A booking that went through although the answer \
         was `unavailable` or `timeout` is confirmed by email; send the same \
         `Idempotency-Key` again to learn for sure.",
        &["busy", "unavailable", "timeout"],
    );
    busy["headers"] = limited["headers"].clone();
    json!({
        "Unavailable": busy,
        "BadRequest": error_response("The request cannot be read.", &["bad_request"]),
        "Unauthorized": error_response(
            "The API key is missing, not sent as `Authorization: Bearer <key>` (the scheme in \
             any case), or not known. The answer carries `WWW-Authenticate: Bearer`.",
            &["unauthorized"]
        ),
        "NotFound": error_response("There is nothing at this address.", &["not_found"]),
        "Forbidden": error_response(
            "The key, kiosk or session is known but may not do this: another office's, or \
             a role without the right (a reader at the queue, a kiosk at a desk, a clerk at \
             the audit log).",
            &["forbidden"]
        ),
        "Gone": error_response("The booking has lapsed.", &["gone"]),
        "TooLarge": error_response(
            "The request body is larger than 16 KiB.",
            &["too_large"]
        ),
        "UnsupportedMediaType": error_response(
            "The body must be JSON, sent with `Content-Type: application/json`.",
            &["unsupported_media_type"]
        ),
        "Invalid": invalid,
        "TooManyRequests": limited,
        "Internal": error_response(
            "Something went wrong on the server. `message` holds a reference for the \
             operator; nothing was changed by halves.",
            &["internal"]
        )
    })
}

fn move_path() -> Value {
    json!({
        "parameters": [parameter("Token")],
        "post": {
            "tags": ["bookings"],
            "operationId": "moveBooking",
            "summary": "Move a booking",
            "description": "Moves a pending or confirmed booking to another start time for \
                the same services and persons. The old time is given back only in the \
                transaction that takes the new one: a move that fails leaves the booking \
                where it was. The citizen gets an email with a calendar file that replaces \
                the entry.",
            "requestBody": {
                "required": true,
                "content": json_body(json!({
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["start"],
                    "properties": {
                        "start": {
                            "type": "string",
                            "format": "date-time",
                            "description": "A free start from the availability, RFC 3339."
                        }
                    }
                }))
            },
            "responses": {
                "200": {
                    "description": "The booking at its new time.",
                    "content": json_body(schema("BookingDetails"))
                },
                "400": response_as("BadRequest", "The body is not valid JSON."),
                "404": response_as("NotFound", "No booking has this token."),
                "409": response("MoveConflict"),
                "410": response_as("Gone", "The booking was never confirmed and has lapsed."),
                "413": response("TooLarge"),
                "415": response("UnsupportedMediaType"),
                "422": response("Invalid"),
                "429": response("TooManyRequests"),
                "500": response("Internal"),
                "503": response("Unavailable")
            }
        }
    })
}

fn conflict_responses() -> Value {
    json!({
        "BookingConflict": error_response(
            "The request is fine but cannot be booked now. `slot_taken`: the time is no \
             longer free. `arrivals_full`: too many people are already expected at that \
             time. `email_cap`: this email address has as many active bookings at this \
             office as allowed. `idempotency_key_reused`: the `Idempotency-Key` was used \
             before with a different body.",
            &["slot_taken", "arrivals_full", "email_cap", "idempotency_key_reused"]
        ),
        "ConfirmConflict": error_response(
            "`not_changeable`: the booking is cancelled or was a no-show and cannot be \
             confirmed.",
            &["not_changeable"]
        ),
        "MoveConflict": error_response(
            "`slot_taken` or `arrivals_full`: the new time is not free. `too_late`: the \
             appointment has begun or is over. `not_changeable`: the booking is cancelled \
             or done. `moved_too_often`: the booking was moved as often as a booking may be \
             (`TERMIN_MAX_MOVES`); cancel it and book anew.",
            &["slot_taken", "arrivals_full", "too_late", "not_changeable", "moved_too_often"]
        ),
        "CancelConflict": error_response(
            "`too_late`: the appointment has begun or is over. `not_changeable`: the citizen \
             has checked in, been called, been served or not come.",
            &["too_late", "not_changeable"]
        )
    })
}

fn office_schemas() -> Value {
    json!({
        "Error": {
            "type": "object",
            "required": ["error", "message"],
            "properties": {
                "error": {
                    "type": "string",
                    "description": "A short code for programs: bad_request, unauthorized, \
                        not_found, slot_taken, arrivals_full, email_cap, \
                        idempotency_key_reused, not_changeable, too_late, moved_too_often, gone, \
                        too_large, unsupported_media_type, invalid, rate_limited, busy, \
                        unavailable, timeout, internal; on the staff side forbidden, too_early, \
                        not_today, already_checked_in, not_confirmed, not_checkable, \
                        no_walk_in_capacity, desk_busy, not_allowed, stale, wrong_desk, too_soon, \
                        answered. Conflicts of the staff side carry more fields beside the \
                        message (the ticket, its state and version, the next free time)."
                },
                "message": {"type": "string", "description": "A sentence for people."},
                "fields": {
                    "type": "array",
                    "description": "With 422 only: the mistakes per field. May be empty when \
                        the body's shape is wrong; `message` then says why.",
                    "items": {
                        "type": "object",
                        "required": ["field", "message"],
                        "properties": {
                            "field": {"type": "string", "description": "The field's name."},
                            "message": {"type": "string", "description": "What is wrong."}
                        }
                    }
                }
            }
        },
        "Text": {
            "type": "object",
            "description": "A text in German and, where given, English.",
            "required": ["de"],
            "properties": {
                "de": {"type": "string"},
                "en": {"type": "string"}
            }
        },
        "Office": {
            "type": "object",
            "required": [
                "id", "name", "address", "timezone", "state", "min_notice_minutes",
                "horizon_days", "confirm_within_minutes", "arrivals", "counters"
            ],
            "properties": {
                "id": {"type": "string", "example": "mitte"},
                "name": {"type": "string", "example": "Bürgerbüro Mitte"},
                "address": {"type": "string", "example": "Neuer Markt 3, 18055 Rostock"},
                "timezone": {
                    "type": "string",
                    "description": "IANA time zone of the office.",
                    "example": "Europe/Berlin"
                },
                "state": {
                    "type": "string",
                    "description": "The German state, whose public holidays are closed.",
                    "enum": [
                        "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
                        "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"
                    ]
                },
                "min_notice_minutes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bookings must start at least this many minutes from now."
                },
                "horizon_days": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Bookings reach at most this many days ahead."
                },
                "confirm_within_minutes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Minutes the citizen has to confirm a new booking by \
                        email. 0: bookings are confirmed at once."
                },
                "arrivals": {
                    "type": ["object", "null"],
                    "description": "At most `max` persons arrive in each window of \
                        `per_minutes`; null when arrivals are not capped.",
                    "required": ["per_minutes", "max"],
                    "properties": {
                        "per_minutes": {"type": "integer", "minimum": 1},
                        "max": {"type": "integer", "minimum": 0}
                    }
                },
                "counters": {"type": "array", "items": schema("Counter")}
            }
        },
        "Counter": {
            "type": "object",
            "description": "A group of desks serving one family of services. One booking's \
                services are all of one counter.",
            "required": ["id", "name", "grid_minutes", "services"],
            "properties": {
                "id": {"type": "string", "example": "stadtamt"},
                "name": schema("Text"),
                "grid_minutes": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Start times lie on this grid of minutes."
                },
                "services": {"type": "array", "items": schema("Service")}
            }
        },
        "Service": {
            "type": "object",
            "required": ["id", "name", "minutes", "max_persons", "bring"],
            "properties": {
                "id": {"type": "string", "example": "anmeldung"},
                "name": schema("Text"),
                "minutes": {"type": "integer", "minimum": 1, "description": "Minutes per person."},
                "max_persons": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "The most persons one booking of this service may cover."
                },
                "bring": {
                    "description": "What to bring, or null.",
                    "anyOf": [schema("Text"), {"type": "null"}]
                }
            }
        },
        "Availability": {
            "type": "object",
            "required": ["office", "counter", "services", "persons", "minutes", "days"],
            "properties": {
                "office": {"type": "string", "description": "The office's id."},
                "counter": {"type": "string", "description": "The counter of the services."},
                "services": {"type": "array", "items": {"type": "string"}},
                "persons": {"type": "integer", "minimum": 1},
                "minutes": {
                    "type": "integer",
                    "description": "The length of one appointment: the services' minutes \
                        added up, times the persons."
                },
                "days": {"type": "array", "items": schema("Day")}
            }
        },
        "CompactAvailability": {
            "type": "object",
            "description": "The answer with `format=compact`.",
            "required": ["office", "counter", "services", "persons", "minutes", "format", "days"],
            "properties": {
                "office": {"type": "string"},
                "counter": {"type": "string"},
                "services": {"type": "array", "items": {"type": "string"}},
                "persons": {"type": "integer", "minimum": 1},
                "minutes": {
                    "type": "integer",
                    "description": "The length of one appointment: each slot ends this many \
                        minutes after it starts."
                },
                "format": {"const": "compact"},
                "days": {"type": "array", "items": schema("CompactDay")}
            }
        },
        "CompactDay": {
            "type": "object",
            "required": ["date", "times", "left", "quiet"],
            "properties": {
                "date": {"type": "string", "format": "date"},
                "times": {
                    "type": "array",
                    "description": "Free start times in order, local time with the office's \
                        UTC offset (`HH:MM+01:00`); the date and a time give the `start` to \
                        book (`2026-12-01T09:30:00+01:00`).",
                    "items": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9][+-][0-9]{2}:[0-9]{2}$"},
                    "example": ["09:30+01:00", "09:45+01:00"]
                },
                "left": {
                    "type": "array",
                    "description": "For each of `times`, how many more bookings of this size \
                        can start then.",
                    "items": {"type": "integer", "minimum": 1}
                },
                "quiet": {
                    "type": "array",
                    "description": "Positions in `times` (from 0) at which few people are \
                        expected to arrive.",
                    "items": {"type": "integer", "minimum": 0}
                }
            }
        },
        "Day": {
            "type": "object",
            "required": ["date", "slots"],
            "properties": {
                "date": {"type": "string", "format": "date"},
                "slots": {
                    "type": "array",
                    "description": "Free start times in order; empty when nothing is free.",
                    "items": schema("Slot")
                }
            }
        },
        "Slot": {
            "type": "object",
            "required": ["start", "end", "left", "quiet"],
            "properties": {
                "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "RFC 3339 with the office's offset. Send it as `start` \
                        to book.",
                    "example": "2026-12-01T09:30:00+01:00"
                },
                "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "RFC 3339 with the office's offset.",
                    "example": "2026-12-01T09:45:00+01:00"
                },
                "left": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "How many more bookings of this size can start here."
                },
                "quiet": {
                    "type": "boolean",
                    "description": "Few people are expected to arrive then: a good time to \
                        come."
                }
            }
        }
    })
}

fn booking_schemas() -> Value {
    json!({
        "BookingStatus": {
            "type": "string",
            "description": "`pending`: waiting for the citizen's email confirmation. \
                `confirmed`, then `checked_in`, `called` and `done` at the office. Or \
                `cancelled`, `expired` (not confirmed in time) or `no_show`.",
            "enum": [
                "pending", "confirmed", "checked_in", "called", "done",
                "cancelled", "expired", "no_show"
            ]
        },
        "BookingRequest": {
            "type": "object",
            "additionalProperties": false,
            "required": ["office", "services", "persons", "start", "name", "email"],
            "properties": {
                "office": {
                    "type": "string",
                    "description": "The office's id.",
                    "example": "mitte"
                },
                "services": {
                    "type": "array",
                    "description": "Ids of the services, all of one counter.",
                    "items": {"type": "string"},
                    "minItems": 1,
                    "maxItems": 10,
                    "uniqueItems": true,
                    "example": ["anmeldung"]
                },
                "persons": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "How many persons come. At most the smallest \
                        `max_persons` of the services.",
                    "example": 1
                },
                "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "A slot's `start` from the availability answer, in \
                        RFC 3339.",
                    "example": "2026-12-01T09:30:00+01:00"
                },
                "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "The citizen's name: one line, at most 100 characters.",
                    "example": "Erika Mustermann"
                },
                "email": {
                    "type": "string",
                    "format": "email",
                    "maxLength": 254,
                    "description": "Where the appointment, the secret link and reminders go.",
                    "example": "erika@example.de"
                },
                "phone": {
                    "type": ["string", "null"],
                    "maxLength": 30,
                    "pattern": "^[0-9 +()/-]*$",
                    "description": "Optional. Digits, spaces and + - / ( ), with 3 to 20 \
                        digits.",
                    "example": "+49 381 123456"
                },
                "language": {
                    "type": ["string", "null"],
                    "enum": ["de", "en", "uk", "tr", "ar", null],
                    "default": "de",
                    "description": "The language of the emails. Default: de."
                }
            }
        },
        "Booking": {
            "type": "object",
            "required": [
                "id", "status", "office", "counter", "services", "persons", "start", "end"
            ],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "status": {
                    "$ref": "#/components/schemas/BookingStatus",
                    "description": "A new booking is `pending` until the citizen confirms it \
                        when the office requires confirmation, else `confirmed`."
                },
                "office": {"type": "string", "description": "The office's id."},
                "counter": {"type": "string", "description": "The counter's id."},
                "services": {"type": "array", "items": {"type": "string"}},
                "persons": {"type": "integer", "minimum": 1},
                "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "RFC 3339 with the office's offset."
                },
                "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "RFC 3339 with the office's offset."
                },
                "confirm_by": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Only while the booking waits for confirmation: the \
                        deadline, after which it expires and frees its place."
                }
            }
        },
        "BookingDetails": {
            "description": "A booking with the citizen's data, for its owner. Name, email \
                and phone are null once personal data has been erased after the appointment.",
            "allOf": [
                schema("Booking"),
                {
                    "type": "object",
                    "required": [
                        "name", "email", "phone", "language", "address", "service_names"
                    ],
                    "properties": {
                        "code": {
                            "type": ["string", "null"],
                            "description": "The booking code (Vorgangsnummer) that checks the \
                                booking in at the office, 8 characters and a check character. \
                                It does not manage the booking.",
                            "example": "K7QM2XHD5"
                        },
                        "name": {"type": ["string", "null"]},
                        "email": {"type": ["string", "null"]},
                        "phone": {"type": ["string", "null"]},
                        "language": {"type": "string", "enum": ["de", "en", "uk", "tr", "ar"]},
                        "address": {"type": "string", "description": "The office's address."},
                        "service_names": {
                            "type": "array",
                            "description": "The services' names in the booking's language.",
                            "items": {"type": "string"}
                        }
                    }
                }
            ]
        },
        "Appointment": {
            "type": "object",
            "description": "One booking in a day's list, with the citizen's data. Name, \
                email and phone are null once personal data has been erased.",
            "required": [
                "id", "status", "counter", "services", "service_names", "persons", "start",
                "end", "name", "email", "phone", "language"
            ],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "status": {
                    "$ref": "#/components/schemas/BookingStatus",
                    "description": "As stored: a pending booking past its deadline shows \
                        `pending` until the next sweep marks it `expired`."
                },
                "counter": {"type": "string"},
                "services": {"type": "array", "items": {"type": "string"}},
                "service_names": {
                    "type": "array",
                    "description": "The services' German names.",
                    "items": {"type": "string"}
                },
                "persons": {"type": "integer", "minimum": 1},
                "start": {"type": "string", "format": "date-time"},
                "end": {"type": "string", "format": "date-time"},
                "name": {"type": ["string", "null"]},
                "email": {"type": ["string", "null"]},
                "phone": {"type": ["string", "null"]},
                "language": {"type": "string", "enum": ["de", "en", "uk", "tr", "ar"]}
            }
        }
    })
}

/// The responses every staff operation may give besides its own.
fn staff_errors(mut responses: Value, not_found: &str) -> Value {
    let r = responses.as_object_mut().expect("responses");
    r.insert("401".into(), response("Unauthorized"));
    r.insert("403".into(), response("Forbidden"));
    r.insert("404".into(), response_as("NotFound", not_found));
    r.insert("429".into(), response("TooManyRequests"));
    r.insert("500".into(), response("Internal"));
    r.insert("503".into(), response("Unavailable"));
    responses
}

fn staff_op(
    id: &str,
    summary: &str,
    description: &str,
    responses: Value,
    not_found: &str,
) -> Value {
    json!({
        "tags": ["queue"],
        "operationId": id,
        "summary": summary,
        "description": description,
        "security": [{"apiKey": []}],
        "responses": staff_errors(responses, not_found)
    })
}

fn desk_parameter() -> Value {
    json!({
        "name": "desk", "in": "path", "required": true,
        "description": "The desk's name, one of the office's desks (`[office.queue] desks`, \
            else `1` to the number of desks its counters staff at once).",
        "schema": {"type": "string"}, "example": "3"
    })
}

fn queue_conflict(description: &str, codes: &[&str]) -> Value {
    error_response(description, codes)
}

fn staff_paths(paths: &mut Map<String, Value>) {
    let office = parameter("Office");
    let mut checkin = staff_op(
        "checkIn",
        "Check a booking in by its code",
        "Checks a confirmed booking of today in by its booking code (as typed or scanned: \
         lower case, hyphens and spaces, I/L for 1 and O for 0 are accepted) and gives a \
         ticket in its counter's queue. From `early_minutes` before to `late_minutes` after \
         the appointment the ticket keeps the appointment's priority; later it is a walk-in \
         that keeps its booking (`late`). Role: clerk or kiosk.",
        json!({
            "201": {"description": "Checked in.", "content": json_body(schema("IssuedTicket"))},
            "409": queue_conflict(
                "`too_early` (with `opens_at`), `not_today`, `already_checked_in` (with \
                 `ticket`), `not_confirmed`, or `not_checkable`: the booking is cancelled, \
                 done or a no-show (with `booking_status`).",
                &["too_early", "not_today", "already_checked_in", "not_confirmed", "not_checkable"]
            ),
            "400": response("BadRequest"),
            "422": response_as("Invalid", "The code is missing or mistyped: its check character does not match.")
        }),
        "No booking of the office has this code, or there is no such office.",
    );
    checkin["requestBody"] = json!({"required": true, "content": json_body(json!({
        "type": "object", "additionalProperties": false, "required": ["code"],
        "properties": {
            "code": {"type": "string", "description": "The booking code, e.g. `K7QM-2XHD-5`."},
            "urgent": {"type": "boolean", "default": false, "description": "Call first."}
        }
    }))});
    paths.insert(
        "/api/v1/offices/{office}/checkins".into(),
        json!({"parameters": [office.clone()], "post": checkin}),
    );

    let mut walkin = staff_op(
        "giveWalkInTicket",
        "A walk-in ticket",
        "A ticket for services of one counter without an appointment, while the counter's \
         desks kept for walk-ins (those not bookable online) have time for it before they \
         close today, counting the walk-ins waiting. Role: clerk or kiosk.",
        json!({
            "201": {"description": "The ticket.", "content": json_body(schema("IssuedTicket"))},
            "409": queue_conflict(
                "`no_walk_in_capacity`: the walk-in desks cannot reach another ticket today; \
                 `next_free` is the next free appointment for the services (or null).",
                &["no_walk_in_capacity"]
            ),
            "400": response("BadRequest"),
            "422": response_as("Invalid", "Unknown services, services of several counters, or too many or no persons.")
        }),
        "There is no such office.",
    );
    walkin["requestBody"] = json!({"required": true, "content": json_body(json!({
        "type": "object", "additionalProperties": false, "required": ["services"],
        "properties": {
            "services": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "persons": {"type": "integer", "minimum": 1, "default": 1},
            "urgent": {"type": "boolean", "default": false}
        }
    }))});
    paths.insert(
        "/api/v1/offices/{office}/walkins".into(),
        json!({"parameters": [office.clone()], "post": walkin}),
    );

    let mut call = staff_op(
        "callNext",
        "Call the next ticket to a desk",
        "Calls the next of today's waiting tickets of the counters the desk serves (all if \
         none are given): an urgent one first; then an appointment due within two minutes \
         (the earliest); else the walk-in waiting longest; else an appointment checked in \
         early. The database decides: desks calling at the same moment, on one instance or \
         several, get different tickets. A desk that has a ticket called or at the desk \
         calls nobody (`desk_busy`), so a request sent twice calls once. The answer names \
         the person (the one place that does): keep it at the desk. Role: clerk.",
        json!({
            "200": {"description": "Called.", "content": json_body(schema("CalledTicket"))},
            "204": {"description": "Nobody waits in these queues."},
            "409": queue_conflict("`desk_busy`: the desk's ticket (`ticket`, `state`) is still called or at the desk.", &["desk_busy"]),
            "400": response("BadRequest"),
            "422": response_as("Invalid", "A counter is unknown, or the list is empty.")
        }),
        "There is no such office or desk.",
    );
    call["requestBody"] = json!({"required": false, "content": json_body(json!({
        "type": "object", "additionalProperties": false,
        "properties": {"counters": {"type": "array", "items": {"type": "string"}, "minItems": 1}}
    }))});
    paths.insert(
        "/api/v1/offices/{office}/desks/{desk}/call".into(),
        json!({"parameters": [office.clone(), desk_parameter()], "post": call}),
    );

    let mut act = staff_op(
        "actOnTicket",
        "Act on a ticket",
        "`recall` (after `recall_minutes`; after `max_calls` calls the ticket is `missed`), \
         `start` (the person came; also after `park`), `done` (with the services actually \
         handled and the persons), `no-show`, `back` (to the queue at its place by arrival), \
         `park`, `transfer` (to another counter's queue, at its place by arrival), `urgent`. \
         Each is allowed only in some states. With `version` (the ticket's version the client \
         saw) an action on a ticket that changed since is refused (`stale`); with `desk` one \
         from another desk than the ticket was called to (`wrong_desk`). A refused action \
         changes nothing. Role: clerk.",
        json!({
            "200": {"description": "The ticket afterwards.", "content": json_body(schema("Ticket"))},
            "409": queue_conflict(
                "`not_allowed` (the ticket's `state` does not allow it), `stale` (with the \
                 current `state` and `version`), `wrong_desk`, `too_soon` (a recall, with the \
                 `seconds` to wait).",
                &["not_allowed", "stale", "wrong_desk", "too_soon"]
            ),
            "400": response("BadRequest"),
            "422": response_as("Invalid", "An unknown counter or service, or persons out of range.")
        }),
        "No ticket of this office today has this id or number, or the action is unknown.",
    );
    act["requestBody"] = json!({"required": false, "content": json_body(json!({
        "type": "object", "additionalProperties": false,
        "properties": {
            "version": {"type": "integer"},
            "desk": {"type": "string"},
            "services": {"type": "array", "items": {"type": "string"}, "description": "`done`: handled."},
            "persons": {"type": "integer", "minimum": 1, "maximum": 20, "description": "`done`: served."},
            "counter": {"type": "string", "description": "`transfer`: the counter to send it to."}
        }
    }))});
    paths.insert("/api/v1/offices/{office}/tickets/{ticket}/{action}".into(), json!({
        "parameters": [
            office.clone(),
            {"name": "ticket", "in": "path", "required": true, "schema": {"type": "string"},
             "description": "The ticket's id, or today's number (`S-017`)."},
            {"name": "action", "in": "path", "required": true,
             "schema": {"type": "string", "enum": ["recall", "start", "done", "no-show", "back", "park", "transfer", "urgent"]}}
        ],
        "post": act
    }));

    let queue = staff_op(
        "getQueue",
        "The day's queues",
        "Per counter: the waiting tickets in call order, each with its expected wait, and the \
         tickets called, at a desk or parked. No personal data. Role: clerk.",
        json!({"200": {"description": "The queues.", "content": json_body(json!({
            "type": "object", "required": ["office", "counters"],
            "properties": {"office": {"type": "string"}, "counters": {"type": "array", "items": {
                "type": "object", "required": ["counter", "waiting", "at_desks"],
                "properties": {
                    "counter": {"type": "string"},
                    "waiting": {"type": "array", "items": schema("Ticket")},
                    "at_desks": {"type": "array", "items": schema("Ticket")}
                }
            }}}
        }))}}),
        "There is no such office.",
    );
    paths.insert(
        "/api/v1/offices/{office}/queue".into(),
        json!({"parameters": [office.clone()], "get": queue}),
    );

    paths.insert("/api/v1/offices/{office}/display".into(), json!({"parameters": [office.clone()], "get": {
        "tags": ["queue"],
        "operationId": "getDisplay",
        "summary": "What the waiting-room display shows",
        "description": "Today's latest calls (ticket number, counter, desk, which call), newest \
            first, and how many wait per counter. Public: no name, email or phone ever.",
        "responses": {
            "200": {"description": "The display.", "content": json_body(schema("Display"))},
            "404": response_as("NotFound", "There is no such office."),
            "429": response("TooManyRequests"),
            "500": response("Internal"),
            "503": response("Unavailable")
        }
    }}));

    paths.insert(
        "/api/v1/offices/{office}/desks/{desk}/alert".into(),
        json!({"parameters": [office.clone(), desk_parameter()], "post": staff_op(
            "raiseAlert",
            "Emergency alert (Notruf)",
            "Alerts every desk of the office at once, until someone answers `coming`. Role: clerk.",
            json!({"201": {"description": "Raised.", "content": json_body(schema("Alert"))}}),
            "There is no such office or desk.",
        )}),
    );
    paths.insert("/api/v1/offices/{office}/alerts".into(), json!({"parameters": [office.clone()], "get": staff_op(
        "listAlerts",
        "Open alerts",
        "The office's alerts nobody has answered yet, oldest first. Role: clerk.",
        json!({"200": {"description": "Open alerts.", "content": json_body(json!({
            "type": "object", "properties": {"alerts": {"type": "array", "items": schema("Alert")}}
        }))}}),
        "There is no such office.",
    )}));
    paths.insert(
        "/api/v1/offices/{office}/alerts/{alert}/coming".into(),
        json!({"parameters": [office.clone(),
        {"name": "alert", "in": "path", "required": true, "schema": {"type": "string"}}],
        "post": staff_op(
            "answerAlert",
            "Answer an alert: coming",
            "The first answer closes the alert for every desk. Role: clerk.",
            json!({
                "200": {"description": "Answered.", "content": json_body(schema("Alert"))},
                "409": queue_conflict("`answered`: someone answered first.", &["answered"])
            }),
            "The office has no such alert.",
        )}),
    );

    let mut audit = staff_op(
        "getAuditLog",
        "The audit log",
        "Every staff action of the office between two days (default: today): who, when, \
         what, and which ticket or booking, by id and ticket number only. Role: head.",
        json!({
            "200": {"description": "The entries, oldest first.", "content": json_body(json!({
                "type": "object", "required": ["office", "from", "to", "entries"],
                "properties": {
                    "office": {"type": "string"},
                    "from": {"type": "string", "format": "date"},
                    "to": {"type": "string", "format": "date"},
                    "entries": {"type": "array", "items": schema("AuditEntry")}
                }
            }))},
            "400": response("BadRequest"),
            "422": response_as("Invalid", "`from` or `to` is not a date, or `to` is before `from`.")
        }),
        "There is no such office.",
    );
    audit["parameters"] = json!([
        {"name": "from", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}
    ]);
    paths.insert(
        "/api/v1/offices/{office}/audit".into(),
        json!({"parameters": [office], "get": audit}),
    );
}

/// An office's plan (heads, admins): read, change, its revisions.
fn plan_paths(paths: &mut Map<String, Value>) {
    let office = parameter("Office");
    let conflict = json!({"type": "object", "properties": {
        "booking": {"type": "string"}, "start": {"type": "string", "format": "date-time"},
        "end": {"type": "string", "format": "date-time"}, "counter": {"type": "string"},
        "services": {"type": "array", "items": {"type": "string"}}, "persons": {"type": "integer"},
        "status": {"type": "string"}
    }});
    let decision = json!({"type": "object", "required": ["action", "reason"], "properties": {
        "action": {"type": "string", "enum": ["move", "cancel"]},
        "reason": {"type": "string", "minLength": 1, "maxLength": 300,
            "description": "Goes into the citizen's mail."}
    }});
    let mut one = decision.clone();
    one["required"] = json!(["booking", "action", "reason"]);
    one["properties"]["booking"] = json!({"type": "string"});
    let mut read = staff_op(
        "getPlan",
        "An office's plan",
        "The office in the shape of one `[[office]]` of the office file (as JSON), with the \
         `revision` a change must name.",
        json!({"200": {"description": "The plan.", "content": {"application/json": {"schema": {
            "type": "object", "required": ["id", "revision"],
            "properties": {"id": {"type": "string"}, "revision": {"type": "integer"}}}}}}}),
        "There is no such office.",
    );
    read["tags"] = json!(["plan"]);
    let mut change = staff_op(
        "putPlan",
        "Change an office's plan",
        "The body is the new plan in the office file's shape, plus how to save it: `revision` \
         (the one read; another is a 409 `stale_plan`), `effective_from` (the date the hours apply \
         from; default at once), `note`, and for bookings the change leaves without a desk either \
         `decisions` (one per booking) or `decide_all`: `move` to the nearest free time (same day \
         first) or `cancel`, with a reason for the citizen's mail. Without a decision for each, \
         the answer is a 409 `conflicts` listing them; if one cannot be moved, `no_free_time`. \
         All or nothing.",
        json!({
            "200": {"description": "Saved.", "content": {"application/json": {"schema": {
                "type": "object", "properties": {
                    "revision": {"type": "integer"},
                    "moved": {"type": "array", "items": conflict.clone()},
                    "cancelled": {"type": "array", "items": conflict.clone()}}}}}},
            "400": response("BadRequest"),
            "409": error_response(
                "`conflicts` or `no_free_time` (with `conflicts`: the bookings concerned), \
                 `stale_plan` (with the current `revision`), or `plan_in_use`.",
                &["conflicts", "no_free_time", "stale_plan", "plan_in_use"]),
            "413": {"description": "The body is over 256 KiB."},
            "422": response_as("Invalid", "The plan fails validation: every mistake, named by its place in the office file.")
        }),
        "There is no such office.",
    );
    change["tags"] = json!(["plan"]);
    change["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {
    "type": "object", "required": ["id"],
    "properties": {
        "revision": {"type": "integer"},
        "effective_from": {"type": "string", "format": "date"},
        "note": {"type": "string"},
        "decisions": {"type": "array", "items": one},
        "decide_all": decision
    }}}}});
    paths.insert(
        "/api/v1/offices/{office}/plan".into(),
        json!({"parameters": [office.clone()], "get": read, "put": change}),
    );
    let mut revisions = staff_op(
        "getPlanRevisions",
        "An office's plan revisions",
        "Every saved change, newest first: revision, who, when, the note, the date its hours apply \
         from, and how many bookings it moved and cancelled.",
        json!({"200": {"description": "The revisions.", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"revisions": {"type": "array", "items": {"type": "object"}}}}}}}}),
        "There is no such office.",
    );
    revisions["tags"] = json!(["plan"]);
    paths.insert(
        "/api/v1/offices/{office}/plan/revisions".into(),
        json!({"parameters": [office], "get": revisions}),
    );
}

/// Calendar feeds (heads): made, listed, revoked; the feed itself behind its secret URL.
fn feed_paths(paths: &mut Map<String, Value>) {
    let office = parameter("Office");
    let feed = json!({"type": "object", "properties": {
        "id": {"type": "string"}, "counter": {"type": "string"}, "label": {"type": "string"},
        "with_names": {"type": "boolean"}, "created_by": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "revoked_at": {"type": ["string", "null"], "format": "date-time"}
    }});
    let mut made = feed.clone();
    made["properties"]["url"] = json!({"type": "string", "format": "uri",
        "description": "The feed's secret address, given this once."});
    let mut list = staff_op(
        "getFeeds",
        "An office's calendar feeds",
        "Every feed made, revoked ones too; never their addresses.",
        json!({"200": {"description": "The feeds.", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"feeds": {"type": "array", "items": feed}}}}}}}),
        "There is no such office.",
    );
    list["tags"] = json!(["plan"]);
    let mut create = staff_op(
        "createFeed",
        "Make a calendar feed",
        "A counter's appointments from a week ago to the end of the booking window, as an \
         RFC 5545 calendar behind a secret URL for the city's groupware to subscribe to. The \
         entries say services and persons; names and booking codes only with `with_names`.",
        json!({
            "201": {"description": "Made.", "content": {"application/json": {"schema": made}}},
            "400": response("BadRequest"),
            "422": response_as("Invalid", "No such counter, or the label is not 1 to 100 characters.")
        }),
        "There is no such office.",
    );
    create["tags"] = json!(["plan"]);
    create["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["counter", "label"], "properties": {
            "counter": {"type": "string"}, "label": {"type": "string", "maxLength": 100},
            "with_names": {"type": "boolean", "default": false}}}}}});
    paths.insert(
        "/api/v1/offices/{office}/feeds".into(),
        json!({"parameters": [office.clone()], "get": list, "post": create}),
    );
    let mut revoke = staff_op(
        "revokeFeed",
        "Revoke a calendar feed",
        "Its address answers 404 from now on.",
        json!({"204": {"description": "Revoked."}}),
        "There is no such office, or no such feed that is not revoked yet.",
    );
    revoke["tags"] = json!(["plan"]);
    paths.insert(
        "/api/v1/offices/{office}/feeds/{id}".into(),
        json!({"parameters": [office, {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "delete": revoke}),
    );
    paths.insert("/feeds/{secret}.ics".into(), json!({"get": {
        "tags": ["plan"],
        "operationId": "getFeed",
        "summary": "A calendar feed",
        "description": "The calendar (text/calendar) behind a feed's secret address; no login.",
        "parameters": [{"name": "secret", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
            "200": {"description": "The calendar.", "content": {"text/calendar": {"schema": {"type": "string"}}}},
            "404": response_as("NotFound", "No feed has this address, or it was revoked."),
            "429": response("TooManyRequests"),
            "500": response("Internal"),
            "503": response("Unavailable")
        }
    }}));
}

/// Webhooks (heads): added, listed, revoked.
fn webhook_paths(paths: &mut Map<String, Value>) {
    let office = parameter("Office");
    let hook = json!({"type": "object", "properties": {
        "id": {"type": "string"}, "url": {"type": "string", "format": "uri"}, "label": {"type": "string"},
        "created_by": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"},
        "revoked_at": {"type": ["string", "null"], "format": "date-time"},
        "delivered_event": {"type": "integer", "description": "The last event the receiver answered 2xx for."},
        "failed_attempts": {"type": "integer"}, "last_error": {"type": ["string", "null"]}
    }});
    let mut made = hook.clone();
    made["properties"]["secret"] =
        json!({"type": "string", "description": "The HMAC key, given this once."});
    let mut list = staff_op(
        "getWebhooks",
        "An office's webhooks",
        "Every webhook, revoked ones too, with how far it has been sent; never their keys.",
        json!({"200": {"description": "The webhooks.", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"webhooks": {"type": "array", "items": hook}}}}}}}),
        "There is no such office.",
    );
    list["tags"] = json!(["plan"]);
    let mut create = staff_op(
        "createWebhook",
        "Add a webhook",
        "From now on, every `booking.created`, `booking.moved`, `booking.cancelled`, \
         `booking.checked_in`, `booking.done` and `booking.no_show` of the office is POSTed to \
         `url` as JSON (`event`, `type`, `occurred_at`, `office`, `booking` with id, counter, \
         services, persons, start, end, status; no personal data), in order, one at a time, until \
         the receiver answers 2xx (retried as mails are). `Termin-Signature: t=<unix \
         seconds>,v1=<hex HMAC-SHA256 under the key of \"<t>.<body>\">`; refuse a `t` far from \
         now. `Termin-Event` is the event's number, the same on a retry.",
        json!({
            "201": {"description": "Added.", "content": {"application/json": {"schema": made}}},
            "400": response("BadRequest"),
            "422": response_as("Invalid", "The URL is not http(s) with a host, or the label is not 1 to 100 characters.")
        }),
        "There is no such office.",
    );
    create["tags"] = json!(["plan"]);
    create["requestBody"] = json!({"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["url", "label"], "properties": {
            "url": {"type": "string", "format": "uri"}, "label": {"type": "string", "maxLength": 100}}}}}});
    paths.insert(
        "/api/v1/offices/{office}/webhooks".into(),
        json!({"parameters": [office.clone()], "get": list, "post": create}),
    );
    let mut revoke = staff_op(
        "revokeWebhook",
        "Revoke a webhook",
        "Nothing more is sent to it.",
        json!({"204": {"description": "Revoked."}}),
        "There is no such office, or no such webhook that is not revoked yet.",
    );
    revoke["tags"] = json!(["plan"]);
    paths.insert(
        "/api/v1/offices/{office}/webhooks/{id}".into(),
        json!({"parameters": [office, {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "delete": revoke}),
    );
}

/// Statistics (heads) and the public figures.
fn stats_paths(paths: &mut Map<String, Value>) {
    let office = parameter("Office");
    let csv = json!({"text/csv": {"schema": {"type": "string"}}});
    let number = json!({"type": ["number", "null"]});
    let figures = json!({
        "type": "object",
        "description": "Counts and recorded times only; a share is 0 to 1, null where there was nothing to count.",
        "properties": {
            "made": {"type": "integer"}, "appointments": {"type": "integer"}, "confirmed": {"type": "integer"},
            "cancelled": {"type": "integer"},
            "cancelled_by_office": {"type": "integer", "description": "Of the cancelled: by the office, when a plan change left them without a desk."},
            "expired": {"type": "integer"}, "no_shows": {"type": "integer"},
            "came": {"type": "integer"}, "no_show_rate": number, "walk_ins": {"type": "integer"},
            "served": {"type": "integer"}, "waiting_median_minutes": number, "waiting_p90_minutes": number,
            "served_within_15": number, "waited_over_target": number, "lead_time_median_days": number,
            "booked_minutes": {"type": "integer"}, "bookable_minutes": {"type": "integer"}, "utilisation": number
        }
    });
    let mut stats = staff_op(
        "getStatistics",
        "An office's statistics",
        "Per day, week or month of `from`..`to` (at most 366 days; default the last four weeks, by day), \
         optionally for one counter: bookings made, confirmed, cancelled, lapsed, no-shows and their rate, \
         walk-ins, served; waiting time (median, 90th percentile), the share called within 15 minutes of \
         the appointment and the share waiting longer than the office's target; lead time; utilisation \
         (booked / bookable minutes online), also for the weeks ahead; handling time per service and \
         person against its planned minutes. `Accept: text/csv` gives one line per period and a total.",
        json!({
            "200": {"description": "The statistics.", "content": {
                "application/json": {"schema": {"type": "object", "properties": {
                    "office": {"type": "string"}, "from": {"type": "string", "format": "date"},
                    "to": {"type": "string", "format": "date"}, "by": {"type": "string", "enum": ["day", "week", "month"]},
                    "counter": {"type": ["string", "null"]}, "target_minutes": {"type": "integer"},
                    "periods": {"type": "array", "items": {"type": "object", "properties": {
                        "label": {"type": "string", "example": "2026-W49"}, "from": {"type": "string", "format": "date"},
                        "figures": figures.clone()}}},
                    "total": figures,
                    "handling": {"type": "array", "items": {"type": "object"}},
                    "ahead": {"type": "array", "items": {"type": "object"}},
                    "hints": {"type": "array", "description": "Planning hints, never applied: counters that turned walk-ins away (more walk-in desks) or were booked out online (more online desks).",
                        "items": {"type": "object", "properties": {
                            "counter": {"type": "string"}, "kind": {"type": "string", "enum": ["walk_ins_turned_away", "booked_out"]},
                            "days": {"type": "integer"}, "count": {"type": "integer"}}}},
                    "next_free": {"type": "array", "description": "The next free appointment for one person per service, as it stood each day.",
                        "items": {"type": "object", "properties": {
                            "day": {"type": "string", "format": "date"}, "service": {"type": "string"},
                            "days_ahead": {"type": ["integer", "null"]}}}}
                }}},
                "text/csv": csv["text/csv"].clone()
            }},
            "400": response("BadRequest"),
            "422": response_as("Invalid", "A date is not a date, `to` is before `from`, the range is over 366 days, or the counter is unknown.")
        }),
        "There is no such office.",
    );
    stats["tags"] = json!(["statistics"]);
    stats["parameters"] = json!([
        {"name": "from", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}},
        {"name": "by", "in": "query", "required": false, "schema": {"type": "string", "enum": ["day", "week", "month"]}},
        {"name": "counter", "in": "query", "required": false, "schema": {"type": "string"}}
    ]);
    paths.insert(
        "/api/v1/offices/{office}/statistics".into(),
        json!({"parameters": [office.clone()], "get": stats}),
    );
    paths.insert("/api/v1/offices/{office}/figures".into(), json!({"parameters": [office], "get": {
        "tags": ["statistics"],
        "operationId": "getFigures",
        "summary": "An office's public figures",
        "description": "The next free appointment per service (for one person), and over the last 12 weeks \
            the median lead time, the no-show rate and the share called within 15 minutes of their time. \
            Aggregates only; a figure over fewer than 10 cases is null. Public. `Accept: text/csv` for CSV.",
        "responses": {
            "200": {"description": "The figures.", "content": {
                "application/json": {"schema": {"type": "object", "properties": {
                    "office": {"type": "string"},
                    "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
                    "next_free": {"type": "array", "items": {"type": "object", "properties": {
                        "service": {"type": "string"}, "start": {"type": ["string", "null"], "format": "date-time"}}}},
                    "lead_time_median_days": number, "no_show_rate": number, "served_within_15": number
                }}},
                "text/csv": csv["text/csv"].clone()
            }},
            "404": response_as("NotFound", "There is no such office."),
            "429": response("TooManyRequests"),
            "500": response("Internal"),
            "503": response("Unavailable")
        }
    }}));
}

fn queue_schemas() -> Value {
    json!({
        "Ticket": {
            "type": "object",
            "description": "A ticket (Wartenummer), without personal data.",
            "required": ["id", "ticket", "counter", "state", "version", "kind", "urgent", "calls"],
            "properties": {
                "id": {"type": "string"},
                "ticket": {"type": "string", "example": "S-017"},
                "counter": {"type": "string", "description": "The queue it is in now."},
                "state": {"type": "string", "enum": ["waiting", "called", "serving", "done", "no_show", "missed", "back", "transferred", "parked"]},
                "version": {"type": "integer", "description": "Send it back with an action to guard against stale pages."},
                "kind": {"type": "string", "enum": ["appointment", "walk_in"]},
                "urgent": {"type": "boolean"},
                "desk": {"type": ["string", "null"]},
                "calls": {"type": "integer", "description": "Calls at the current desk."},
                "services": {"type": "array", "items": {"type": "string"}},
                "persons": {"type": "integer"},
                "booking": {"type": ["string", "null"], "description": "The booking's id."},
                "appointment": {"type": ["string", "null"], "format": "date-time"},
                "arrived_at": {"type": "string", "format": "date-time"},
                "first_called_at": {"type": ["string", "null"], "format": "date-time"},
                "last_called_at": {"type": ["string", "null"], "format": "date-time"},
                "started_at": {"type": ["string", "null"], "format": "date-time"},
                "finished_at": {"type": ["string", "null"], "format": "date-time"},
                "waiting_seconds": {"type": ["integer", "null"], "description": "First call minus the later of check-in and appointment."},
                "way_seconds": {"type": "integer", "description": "From each call to the start, added up."},
                "handling_seconds": {"type": "integer", "description": "At the desk, added up over parking and transfers."},
                "expected_wait_minutes": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2,
                    "description": "In the queue only: the expected wait as a range."}
            }
        },
        "IssuedTicket": {
            "type": "object",
            "required": ["ticket", "ticket_id", "version", "counter", "kind", "late", "booking_status", "expected_wait_minutes", "follow_url"],
            "properties": {
                "ticket": {"type": "string", "example": "S-017"},
                "ticket_id": {"type": "string"},
                "version": {"type": "integer"},
                "counter": {"type": "string"},
                "kind": {"type": "string", "enum": ["appointment", "walk_in"]},
                "late": {"type": "boolean", "description": "Came after the check-in window: a walk-in keeping its booking."},
                "booking_status": {"type": ["string", "null"], "description": "`checked_in`, or null for a walk-in."},
                "expected_wait_minutes": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2, "example": [10, 20]},
                "arrived_at": {"type": "string", "format": "date-time"},
                "follow_url": {"type": "string", "format": "uri",
                    "description": "For the QR code on the printed ticket: its holder follows position, wait and desk there. Secret: print it, do not log it."}
            }
        },
        "CalledTicket": {
            "type": "object",
            "required": ["ticket", "counter", "desk", "details"],
            "properties": {
                "ticket": {"type": "string"},
                "counter": {"type": "string"},
                "desk": {"type": "string"},
                "details": schema("Ticket"),
                "booking": {"description": "For an appointment: who comes, for what, what to bring.", "anyOf": [{"type": "null"}, {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"}, "status": schema("BookingStatus"),
                        "name": {"type": ["string", "null"]},
                        "services": {"type": "array", "items": {"type": "string"}},
                        "service_names": {"type": "array", "items": {"type": "string"}},
                        "bring": {"type": "array", "items": {"type": "string"}},
                        "persons": {"type": "integer"},
                        "start": {"type": "string", "format": "date-time"},
                        "code": {"type": ["string", "null"]}
                    }
                }]}
            }
        },
        "Display": {
            "type": "object",
            "required": ["office", "calls", "waiting"],
            "properties": {
                "office": {"type": "string"},
                "calls": {"type": "array", "items": {"type": "object",
                    "required": ["ticket", "counter", "desk", "called_at", "call"],
                    "properties": {
                        "ticket": {"type": "string"}, "counter": {"type": "string"}, "desk": {"type": "string"},
                        "called_at": {"type": "string", "format": "date-time"},
                        "call": {"type": "integer", "description": "1 for the first call, 2 and 3 for recalls."}
                    }}},
                "waiting": {"type": "array", "items": {"type": "object",
                    "properties": {"counter": {"type": "string"}, "waiting": {"type": "integer"}}}}
            }
        },
        "Alert": {
            "type": "object",
            "required": ["id", "desk", "raised_by", "raised_at"],
            "properties": {
                "id": {"type": "string"}, "desk": {"type": "string"},
                "raised_by": {"type": "string"}, "raised_at": {"type": "string", "format": "date-time"},
                "answered_by": {"type": ["string", "null"]},
                "answered_at": {"type": ["string", "null"], "format": "date-time"}
            }
        },
        "AuditEntry": {
            "type": "object",
            "required": ["id", "at", "actor", "actor_label", "action", "detail"],
            "properties": {
                "id": {"type": "string"},
                "at": {"type": "string", "format": "date-time"},
                "actor": {"type": "string", "description": "`user:ID`, `key:ID`, `kiosk:ID`, `cli`, `system` or `unknown`."},
                "actor_label": {"type": "string"},
                "action": {"type": "string", "example": "call"},
                "ticket": {"type": ["string", "null"]},
                "ticket_id": {"type": ["string", "null"]},
                "booking": {"type": ["string", "null"]},
                "detail": {"type": "string"}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "patch", "head", "options", "trace",
    ];

    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    match (k.as_str(), v) {
                        ("$ref", Value::String(r)) => out.push(r),
                        _ => refs(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_operation_documents_its_errors() {
        let doc = spec();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().expect("paths");
        let mut operations = 0;
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                operations += 1;
                let responses = op["responses"].as_object().expect("responses");
                assert!(
                    responses.keys().any(|k| k.starts_with('4')),
                    "{method} {path} documents no 4xx response"
                );
                // Every operation but the document itself reads the database.
                assert!(
                    responses.contains_key("503") || path == "/api/v1/openapi.json",
                    "{method} {path} documents no 503"
                );
                assert!(
                    responses.contains_key("500"),
                    "{method} {path} documents no 500"
                );
            }
        }
        assert_eq!(operations, 31);

        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(!found.is_empty());
        for r in found {
            let pointer = r.strip_prefix('#').expect("a local $ref");
            assert!(
                pointer.starts_with("/components/"),
                "{r} is not a component"
            );
            assert!(doc.pointer(pointer).is_some(), "{r} points at nothing");
        }
    }

    #[test]
    fn describes_every_route() {
        let doc = spec();
        let routes = [
            ("/api/v1/openapi.json", "get"),
            ("/api/v1/offices", "get"),
            ("/api/v1/offices/{office}/availability", "get"),
            ("/api/v1/offices/{office}/appointments", "get"),
            ("/api/v1/bookings", "post"),
            ("/api/v1/bookings/confirm", "post"),
            ("/api/v1/bookings/{token}", "get"),
            ("/api/v1/bookings/{token}", "delete"),
            ("/api/v1/bookings/{token}/move", "post"),
            ("/api/v1/offices/{office}/checkins", "post"),
            ("/api/v1/offices/{office}/walkins", "post"),
            ("/api/v1/offices/{office}/desks/{desk}/call", "post"),
            ("/api/v1/offices/{office}/tickets/{ticket}/{action}", "post"),
            ("/api/v1/offices/{office}/queue", "get"),
            ("/api/v1/offices/{office}/display", "get"),
            ("/api/v1/offices/{office}/desks/{desk}/alert", "post"),
            ("/api/v1/offices/{office}/alerts", "get"),
            ("/api/v1/offices/{office}/alerts/{alert}/coming", "post"),
            ("/api/v1/offices/{office}/audit", "get"),
            ("/api/v1/offices/{office}/statistics", "get"),
            ("/api/v1/offices/{office}/figures", "get"),
        ];
        let mut ids = Vec::new();
        for (path, method) in routes {
            let op = &doc["paths"][path][method];
            assert!(op.is_object(), "{method} {path} is not described");
            ids.push(op["operationId"].as_str().expect("an operationId"));
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), routes.len(), "operationIds are unique");
        let secured: Vec<&str> = routes
            .iter()
            .filter(|(p, m)| doc["paths"][*p][*m].get("security").is_some())
            .map(|(p, _)| *p)
            .collect();
        let public = [
            "/api/v1/openapi.json",
            "/api/v1/offices",
            "/api/v1/offices/{office}/availability",
            "/api/v1/offices/{office}/display",
            "/api/v1/offices/{office}/figures",
        ];
        assert_eq!(
            secured.len(),
            routes
                .iter()
                .filter(|(p, _)| p.contains("{office}") && !public.contains(p))
                .count()
        );
        assert!(secured.contains(&"/api/v1/offices/{office}/appointments"));
        assert!(!secured.contains(&"/api/v1/offices/{office}/display"));
    }
}
