import type { FulfillmentOrderNode } from '../../src/carts/shopify/fulfillment-order-schema';

/** One fulfillment order as Shopify's Admin API answers it: a valid order whose SKU needs trimming. */
export function shopifyFulfillmentOrder(): FulfillmentOrderNode {
  return {
    id: 'gid://shopify/FulfillmentOrder/1',
    status: 'OPEN',
    requestStatus: 'SUBMITTED',
    order: {
      id: 'gid://shopify/Order/9',
      name: '#1001',
      email: 'ada@example.com',
      note: null,
      createdAt: '2025-03-14T01:30:00-08:00',
      shippingAddress: { provinceCode: 'CA', province: 'California', countryCodeV2: 'US' },
      shippingLine: { title: 'Standard', code: 'STD' },
    },
    destination: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: '',
      address1: '417 Montgomery St',
      address2: null,
      city: 'San Francisco',
      province: 'California',
      zip: '94104',
      countryCode: 'us',
      phone: null,
      email: null,
    },
    lineItems: {
      nodes: [
        {
          id: 'gid://shopify/FulfillmentOrderLineItem/5',
          sku: ' TOTE-NAT ',
          productTitle: 'Tote',
          remainingQuantity: 2,
        },
      ],
      pageInfo: { hasNextPage: false },
    },
    merchantRequests: { nodes: [{ kind: 'FULFILLMENT_REQUEST', message: 'Leave at door' }] },
  };
}

/** One order as WooCommerce's wc/v3 REST API answers it. */
export function wooCommerceOrder() {
  return {
    id: 1042,
    number: '1042',
    status: 'processing',
    date_created_gmt: '2027-03-14T09:30:00',
    date_modified_gmt: '2027-03-14T09:31:00',
    customer_note: '',
    shipping: {
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: '',
      address_1: '417 Montgomery St',
      address_2: '',
      city: 'San Francisco',
      state: 'CA',
      postcode: '94104',
      country: 'us',
      phone: '',
    },
    billing: { email: 'ada@example.com', phone: '415-555-0100' },
    line_items: [{ id: 7, name: 'Merino Crew Sock', sku: 'SOCK-CHAR-M', quantity: 2, product_id: 5, variation_id: 0 }],
    shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate' }],
    meta_data: [],
  };
}

/** One order as BigCommerce's V2 API answers it, with its products and shipping addresses (listed apart). */
export function bigCommerceOrder() {
  return {
    order: {
      id: 120,
      status_id: 11,
      status: 'Awaiting Fulfillment',
      date_created: 'Sun, 14 Mar 2027 09:30:00 +0000',
      date_modified: 'Sun, 14 Mar 2027 09:31:00 +0000',
      customer_message: '',
      staff_notes: '',
      billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '415-555-0100' },
    },
    products: [
      { id: 7, order_id: 120, order_address_id: 3, name: 'Merino Crew Sock', sku: 'SOCK-CHAR-M', quantity: 2 },
    ],
    addresses: [
      {
        id: 3,
        order_id: 120,
        first_name: 'Ada',
        last_name: 'Lovelace',
        company: '',
        street_1: '417 Montgomery St',
        street_2: '',
        city: 'San Francisco',
        state: 'California',
        zip: '94104',
        country: 'United States',
        country_iso2: 'US',
        phone: '',
        email: '',
        shipping_method: 'Flat Rate',
      },
    ],
  };
}
