#!/bin/sh
# One-shot (docker-compose.yml, service temporal-setup): creates the namespace and registers the custom search
# attributes operators search orders by (workflows/definitions.ts). Safe to repeat.
set -eu
: "${TEMPORAL_NAMESPACE:=default}"

until temporal operator cluster health; do
  echo 'Waiting for the Temporal server...'
  sleep 2
done

# 30 days: the orders index keeps every order after Temporal deletes closed workflows (docs/scaling.md).
temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention 30d

# A namespace just created takes a few seconds to reach every server role, hence the retries.
for attribute in OrderStatus=Keyword MerchantId=Keyword CartId=Keyword CartOrderNumber=Keyword \
  EasyPostOrderId=Keyword Warehouse=Keyword HoldCount=Int NextResendAt=Datetime; do
  tries=0
  until temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" \
    --name "${attribute%%=*}" --type "${attribute#*=}"; do
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || exit 1
    sleep 2
  done
done
echo "Namespace $TEMPORAL_NAMESPACE is ready"
