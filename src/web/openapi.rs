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
    json!({
        "openapi": "3.1.0",
        "info": info(),
        "tags": [
            {"name": "offices", "description": "Offices, their services and free times."},
            {"name": "bookings", "description": "Book, confirm, read and cancel appointments."},
            {"name": "staff", "description": "Day lists for staff and back-office systems."},
            {"name": "meta", "description": "This description."}
        ],
        "paths": paths,
        "components": {
            "schemas": merge(office_schemas(), booking_schemas()),
            "responses": merge(error_responses(), conflict_responses()),
            "parameters": parameters(),
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key issued by the operator, sent as \
                        `Authorization: Bearer <key>`. A key may be bound to one office."
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
                }
            ],
            "responses": {
                "200": {
                    "description": "The free times per day.",
                    "content": json_body(schema("Availability"))
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
                the server. The answer is sent with `Cache-Control: no-store`.",
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
                    "content": json_body(json!({
                        "type": "object",
                        "required": ["office", "date", "appointments"],
                        "properties": {
                            "office": {"type": "string", "description": "The office's id."},
                            "date": {"type": "string", "format": "date"},
                            "appointments": {"type": "array", "items": schema("Appointment")}
                        }
                    }))
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
                        unavailable, timeout, internal."
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
        assert_eq!(operations, 9);

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
        assert_eq!(secured, ["/api/v1/offices/{office}/appointments"]);
    }
}
